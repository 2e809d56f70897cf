import type { CostingMethod } from "./cost-state";

/** Units taken from (or, in an issue's reversal, put back into) one layer, at an exact cost. */
export type ConsumedLayer = { layerId: string; receivedAt: string; quantity: number; cost: string };

/**
 * What a movement was valued at. Signs: `valueChange` is the change of the inventory value (+ in, − out);
 * `cogsAdjustment` is charged to cost of goods sold, `variance` to the purchase price variance (standard cost).
 * Nothing is lost: valueChange + cogsAdjustment + variance always equals the movement's other side — the cost paid
 * for a receipt or return (+), the cost of goods sold of an issue (−totalCost), the negative of the original's for a
 * reversal (see `counterpart` below).
 */
export type MovementValuation = {
  kind: "receipt" | "return" | "issue" | "reversal";
  /** For a reversal: what it reverses. */
  reversed?: "receipt" | "return" | "issue";
  method: CostingMethod;
  quantity: number;
  /** totalCost ÷ quantity, rounded: for display; totalCost is the exact figure. */
  unitCost: string;
  /** What the units moved are worth in stock (a positive amount). */
  totalCost: string;
  valueChange: string;
  /** The layer a receipt or return made (or, reversed, removed). */
  layerId?: string;
  /** The layers an issue took from (or its reversal put back into). */
  consumed?: ConsumedLayer[];
  cogsAdjustment?: string;
  variance?: string;
};

/** A landed cost (freight, duty, handling) added to one layer, or its reversal. amount = toStock + toCogs + variance. */
export type LandedCostValuation = {
  kind: "landed-cost";
  reversal?: true;
  method: CostingMethod;
  layerId: string;
  amount: string;
  /** The part for the layer's units still on hand (0 at standard cost). */
  toStock: string;
  /** The part for its units already gone, charged to cost of goods sold. */
  toCogs: string;
  /** Standard cost: stock stays at standard, the landed cost is a purchase price variance. */
  variance?: string;
  valueChange: string;
  /** The layer's units on hand when applied: a reversal with the same units on hand undoes the split exactly. */
  layerQuantity: number;
};

export type Valuation = MovementValuation | LandedCostValuation;

/** A change of method or standard cost: the inventory value changes by `amount` without a movement. */
export type Revaluation = {
  at: string;
  amount: string;
  from: { method: CostingMethod; standardCost: string | null };
  to: { method: CostingMethod; standardCost: string | null };
};
