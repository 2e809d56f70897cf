import { ValidationFailed } from "../domain-error";
import { allocateProportionally, divideRounded, fromTenThousandths, toTenThousandths } from "../money/fixed-point";

export type CostingMethod = "fifo" | "average" | "standard";

/**
 * Units of one receipt (or return, or transferred-in layer) at one item × site. A layer keeps its total value, not a
 * unit cost: a landed cost or an average need not divide evenly per unit, and the layers must sum exactly.
 * A layer whose units are all gone stays (quantity 0, value 0) so that a late landed cost or the reversal of an issue
 * still finds it; a caller may load only the open layers plus those a movement names.
 */
export type CostLayer = {
  id: string;
  /** ISO date the goods first came in: FIFO order and ageing (kept across transfers). */
  receivedAt: string;
  /** Units the layer was made with: a landed cost is split between these and the ones already gone. */
  receivedQuantity: number;
  /** Units still on hand. */
  quantity: number;
  /** What the units on hand are worth, a decimal string with 4 places. */
  value: string;
  /** Landed costs allocated to the layer so far, net (its receipt cannot be reversed while this is not 0). */
  landedCost: string;
};

/** The cost of one item at one site. `quantity` and `value` are the sums of the layers', exactly. */
export type CostState = {
  method: CostingMethod;
  standardCost: string | null;
  quantity: number;
  value: string;
  layers: CostLayer[];
};

export function emptyCostState(method: CostingMethod, standardCost: string | null = null): CostState {
  if (method === "standard" && standardCost === null) throw missingStandardCost();
  return {
    method,
    standardCost: standardCost === null ? null : fromTenThousandths(toTenThousandths(standardCost)),
    quantity: 0,
    value: "0.0000",
    layers: [],
  };
}

/** The state's value per unit on hand, rounded (see lib/money/fixed-point.ts); "0.0000" when nothing is on hand. */
export function unitValue(state: CostState): string {
  return state.quantity === 0 ? "0.0000" : fromTenThousandths(divideRounded(toTenThousandths(state.value), BigInt(state.quantity)));
}

// ---- The working form the operations compute on: money as bigint ten-thousandths. ----

export type WorkingLayer = Omit<CostLayer, "value" | "landedCost"> & { value: bigint; landedCost: bigint };
export type Working = { method: CostingMethod; standardCost: bigint | null; layers: WorkingLayer[] };

export function toWorking(state: CostState): Working {
  const working: Working = {
    method: state.method,
    standardCost: state.standardCost === null ? null : toTenThousandths(state.standardCost),
    layers: state.layers.map((layer) => ({ ...layer, value: toTenThousandths(layer.value), landedCost: toTenThousandths(layer.landedCost) })),
  };
  if (totalQuantity(working) !== state.quantity || totalValue(working) !== toTenThousandths(state.value)) {
    throw new Error("Cost state is inconsistent: its quantity or value is not the sum of its layers'");
  }
  return working;
}

export function fromWorking(working: Working): CostState {
  return {
    method: working.method,
    standardCost: working.standardCost === null ? null : fromTenThousandths(working.standardCost),
    quantity: totalQuantity(working),
    value: fromTenThousandths(totalValue(working)),
    layers: working.layers.map((layer) => ({ ...layer, value: fromTenThousandths(layer.value), landedCost: fromTenThousandths(layer.landedCost) })),
  };
}

export const totalQuantity = (working: Working) => working.layers.reduce((sum, layer) => sum + layer.quantity, 0);
export const totalValue = (working: Working) => working.layers.reduce((sum, layer) => sum + layer.value, 0n);

export function findLayer(working: Working, layerId: string): WorkingLayer | undefined {
  return working.layers.find((layer) => layer.id === layerId);
}

/** The standard cost, which the standard method cannot do without. */
export function standardCostOf(working: Working): bigint {
  if (working.standardCost === null) throw missingStandardCost();
  return working.standardCost;
}

/**
 * Moving average: every layer holds the average, i.e. `value` spread over the layers by quantity (largest
 * remainder, so they sum exactly). The layers then only record which units are on hand since when (FIFO flow of
 * quantity, for ageing); the state is a function of the total value and the layer quantities, so putting back
 * what an operation took gives back the very same state.
 */
export function spreadAverage(working: Working, value: bigint): void {
  const shares = allocateProportionally(
    value,
    working.layers.map((layer) => BigInt(layer.quantity)),
  );
  working.layers.forEach((layer, index) => (layer.value = shares[index]));
}

/** Standard cost: every layer is worth its quantity × the standard cost. */
export function valueAtStandard(working: Working): void {
  const standardCost = standardCostOf(working);
  for (const layer of working.layers) layer.value = BigInt(layer.quantity) * standardCost;
}

/** Adds a layer after every layer received on or before it, so FIFO consumes in receipt-date order. */
export function insertLayer(working: Working, layer: WorkingLayer): void {
  if (findLayer(working, layer.id)) throw new ValidationFailed([{ field: "layerId", message: `Cost layer ${layer.id} already exists` }]);
  const after = working.layers.findIndex((existing) => existing.receivedAt > layer.receivedAt);
  working.layers.splice(after === -1 ? working.layers.length : after, 0, layer);
}

export function requireQuantity(quantity: number, field = "quantity"): void {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new ValidationFailed([{ field, message: "Enter a whole number of units above 0" }]);
}

export function requireDate(at: string, field = "at"): void {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(at) || Number.isNaN(Date.parse(at))) {
    throw new ValidationFailed([{ field, message: "Enter an ISO date (YYYY-MM-DD or a full ISO timestamp)" }]);
  }
}

export function parseAmount(amount: string, field: string, { allowNegative = false } = {}): bigint {
  let value: bigint;
  try {
    value = toTenThousandths(amount);
  } catch {
    throw new ValidationFailed([{ field, message: "Enter an amount with at most 4 decimal places" }]);
  }
  if (!allowNegative && value < 0n) throw new ValidationFailed([{ field, message: "Enter an amount of 0 or more" }]);
  return value;
}

function missingStandardCost() {
  return new ValidationFailed([{ field: "standardCost", message: "The standard cost method needs a standard cost" }]);
}
