import { ValidationFailed } from "../domain-error";
import { allocateProportionally, divideRounded, fromTenThousandths } from "../money/fixed-point";
import {
  type CostState,
  findLayer,
  fromWorking,
  insertLayer,
  parseAmount,
  requireDate,
  requireQuantity,
  spreadAverage,
  standardCostOf,
  toWorking,
  totalQuantity,
  totalValue,
  type Working,
  type WorkingLayer,
} from "./cost-state";
import { IssueExceedsStock, ReversalRefused, UnknownCostLayer } from "./errors";
import { applyLandedCost } from "./landed-cost";
import type { ConsumedLayer, MovementValuation, Valuation } from "./valuation";

export type Valued<V = MovementValuation> = { state: CostState; valuation: V };

/** Units coming in at a cost: `unitCost` per unit, or `totalCost` for all (when it does not divide per unit). */
export type IncomingUnits = { layerId: string; quantity: number; at: string; unitCost?: string; totalCost?: string };

/**
 * A receipt makes a layer at its cost. FIFO: the layer is worth the cost; average: the cost joins the pool and the
 * average moves; standard: the layer is worth quantity × standard and the rest is the purchase price variance.
 */
export function receive(state: CostState, receipt: IncomingUnits): Valued {
  return bringIn(state, receipt, "receipt", incomingCost(receipt));
}

/**
 * A customer return puts units back in a new layer at the cost they left with, which the caller gives (the
 * issue's cost); without one, at the state's current value per unit (at standard cost: the standard).
 */
export function returnToStock(state: CostState, units: IncomingUnits): Valued {
  if (units.unitCost !== undefined || units.totalCost !== undefined) return bringIn(state, units, "return", incomingCost(units));
  requireQuantity(units.quantity);
  return bringIn(state, units, "return", currentCost(state, units.quantity));
}

/** What `quantity` units are worth at the state's current value per unit. */
function currentCost(state: CostState, quantity: number): bigint {
  const working = toWorking(state);
  if (working.method === "standard") return BigInt(quantity) * standardCostOf(working);
  if (state.quantity === 0) {
    throw new ValidationFailed([{ field: "unitCost", message: "Nothing is on hand to take a cost from: give the cost the units left with" }]);
  }
  return divideRounded(totalValue(working) * BigInt(quantity), BigInt(state.quantity));
}

function incomingCost({ quantity, unitCost, totalCost }: IncomingUnits): bigint {
  requireQuantity(quantity);
  if ((unitCost === undefined) === (totalCost === undefined)) {
    throw new ValidationFailed([{ field: "unitCost", message: "Give either a unit cost or a total cost" }]);
  }
  return totalCost !== undefined ? parseAmount(totalCost, "totalCost") : BigInt(quantity) * parseAmount(unitCost!, "unitCost");
}

function bringIn(state: CostState, { layerId, quantity, at }: IncomingUnits, kind: "receipt" | "return", cost: bigint): Valued {
  requireQuantity(quantity);
  requireDate(at);
  const working = toWorking(state);
  const layer: WorkingLayer = { id: layerId, receivedAt: at, receivedQuantity: quantity, quantity, value: 0n, landedCost: 0n };
  let inStock = cost;
  if (working.method === "standard") inStock = BigInt(quantity) * standardCostOf(working);
  const poolBefore = totalValue(working);
  insertLayer(working, layer);
  if (working.method === "average") spreadAverage(working, poolBefore + inStock);
  else layer.value = inStock;
  const valuation = movementValuation(working.method, kind, quantity, inStock, inStock, { layerId });
  if (working.method === "standard") valuation.variance = fromTenThousandths(cost - inStock);
  return { state: fromWorking(working), valuation };
}

/**
 * An issue takes units out: FIFO from the oldest layers, each at its own value (a part of a layer costs its value ×
 * part ÷ its quantity, rounded, and the last unit takes what is left); average at round(V × q ÷ Q) of the whole,
 * the units still taken from the oldest layers for ageing; standard at quantity × standard cost.
 */
export function issue(state: CostState, { quantity }: { quantity: number }): Valued {
  requireQuantity(quantity);
  if (quantity > state.quantity) throw new IssueExceedsStock(quantity, state.quantity);
  const working = toWorking(state);
  const takes = takeOldestFirst(working, quantity);
  const costs = working.method === "average" ? takeAtAverage(working, takes) : takeLayerByLayer(working, takes);
  const total = costs.reduce((sum, cost) => sum + cost, 0n);
  const consumed = takes.map(({ layer, quantity: take }, i) => ({
    layerId: layer.id,
    receivedAt: layer.receivedAt,
    quantity: take,
    cost: fromTenThousandths(costs[i]),
  }));
  return { state: fromWorking(working), valuation: movementValuation(working.method, "issue", quantity, total, -total, { consumed }) };
}

type Take = { layer: WorkingLayer; quantity: number };

/** FIFO: each part of a layer at its share of the layer's value, all of it at all of it. Standard: at standard. */
function takeLayerByLayer(working: Working, takes: Take[]): bigint[] {
  const standardCost = working.method === "standard" ? standardCostOf(working) : 0n;
  return takes.map(({ layer, quantity: take }) => {
    const cost =
      working.method === "standard"
        ? BigInt(take) * standardCost
        : take === layer.quantity
          ? layer.value
          : divideRounded(layer.value * BigInt(take), BigInt(layer.quantity));
    layer.value -= cost;
    layer.quantity -= take;
    return cost;
  });
}

/** Average: round(V × q ÷ Q) of the whole, split over the layers taken from by their quantities for the record. */
function takeAtAverage(working: Working, takes: Take[]): bigint[] {
  const pool = totalValue(working);
  const quantity = takes.reduce((sum, take) => sum + take.quantity, 0);
  const cost = divideRounded(pool * BigInt(quantity), BigInt(totalQuantity(working)));
  takes.forEach(({ layer, quantity: take }) => (layer.quantity -= take));
  spreadAverage(working, pool - cost);
  return allocateProportionally(
    cost,
    takes.map((take) => BigInt(take.quantity)),
  );
}

function takeOldestFirst(working: Working, quantity: number): Take[] {
  const takes: Take[] = [];
  let left = quantity;
  for (const layer of working.layers) {
    if (left === 0) break;
    const take = Math.min(left, layer.quantity);
    if (take > 0) takes.push({ layer, quantity: take });
    left -= take;
  }
  return takes;
}

/**
 * Undoes a movement or a landed cost. Done in the reverse order of what it undoes, it gives back exactly the state
 * before. Out of order it still reverses the original's other side exactly; when stock can no longer take back
 * the same value (the average moved, the standard changed) the difference goes to cost of goods sold (variance at
 * standard). A receipt can be reversed only while its layer holds all its units and no landed cost.
 */
export function reverse(state: CostState, original: Valuation): Valued<Valuation> {
  if (original.kind === "landed-cost") {
    if (original.reversal) throw new ReversalRefused("A reversal cannot be reversed: add the landed cost again instead");
    const amount = -parseAmount(original.amount, "amount", { allowNegative: true });
    const working = toWorking(state);
    const layer = findLayer(working, original.layerId);
    const sameUnits = layer !== undefined && layer.quantity === original.layerQuantity;
    const toStock = sameUnits ? -parseAmount(original.toStock, "toStock", { allowNegative: true }) : undefined;
    return applyLandedCost(state, original.layerId, amount, toStock, true);
  }
  if (original.kind === "reversal") throw new ReversalRefused("A reversal cannot be reversed: post the movement again instead");
  return original.kind === "issue" ? reverseIssue(state, original) : reverseIncoming(state, original);
}

function reverseIncoming(state: CostState, original: MovementValuation): Valued {
  const working = toWorking(state);
  const layer = findLayer(working, original.layerId ?? "");
  if (!layer) throw new UnknownCostLayer(original.layerId ?? "");
  if (layer.quantity !== original.quantity || layer.receivedQuantity !== original.quantity) {
    throw new ReversalRefused(
      `Cannot reverse this ${original.kind}: ${original.quantity - layer.quantity} of its ${original.quantity} units have left stock since; reverse those issues first`,
      { layerId: layer.id, onHand: layer.quantity },
    );
  }
  if (layer.landedCost !== 0n) {
    throw new ReversalRefused(
      `Cannot reverse this ${original.kind}: landed costs of ${fromTenThousandths(layer.landedCost)} were added to it; reverse them first`,
      {
        layerId: layer.id,
        landedCost: fromTenThousandths(layer.landedCost),
      },
    );
  }
  // The other side (the supplier, the customer) gets back exactly what it was charged.
  const charged = parseAmount(original.totalCost, "totalCost") + parseAmount(original.variance ?? "0", "variance", { allowNegative: true });
  const pool = totalValue(working);
  working.layers.splice(working.layers.indexOf(layer), 1);
  let removed: bigint;
  if (working.method === "average") {
    // The pool gives back the charged cost, but never more than it holds, and all it holds when no units remain.
    removed = totalQuantity(working) === 0 ? pool : charged < pool ? charged : pool;
    spreadAverage(working, pool - removed);
  } else if (working.method === "standard") {
    removed = BigInt(layer.quantity) * standardCostOf(working);
  } else {
    removed = layer.value;
  }
  const valuation = movementValuation(working.method, "reversal", original.quantity, removed, -removed, {
    layerId: layer.id,
    reversed: original.kind as "receipt" | "return",
  });
  putDifference(valuation, removed - charged);
  return { state: fromWorking(working), valuation };
}

function reverseIssue(state: CostState, original: MovementValuation): Valued {
  const working = toWorking(state);
  const consumed = original.consumed ?? [];
  const layers = consumed.map(({ layerId }) => {
    const layer = findLayer(working, layerId);
    if (!layer) throw new UnknownCostLayer(layerId);
    return layer;
  });
  const costs = consumed.map(({ cost, quantity }) =>
    working.method === "standard" ? BigInt(quantity) * standardCostOf(working) : parseAmount(cost, "cost"),
  );
  const pool = totalValue(working);
  consumed.forEach(({ quantity }, i) => {
    if (layers[i].quantity + quantity > layers[i].receivedQuantity) {
      throw new ReversalRefused(`Cannot reverse this issue: layer ${layers[i].id} would hold more units than it received`, { layerId: layers[i].id });
    }
    layers[i].quantity += quantity;
    if (working.method !== "average") layers[i].value += costs[i];
  });
  const restocked = costs.reduce((sum, cost) => sum + cost, 0n);
  if (working.method === "average") spreadAverage(working, pool + restocked);
  const putBack: ConsumedLayer[] = consumed.map((entry, i) => ({ ...entry, cost: fromTenThousandths(costs[i]) }));
  const valuation = movementValuation(working.method, "reversal", original.quantity, restocked, restocked, { consumed: putBack, reversed: "issue" });
  putDifference(valuation, parseAmount(original.totalCost, "totalCost") - restocked);
  return { state: fromWorking(working), valuation };
}

/** What stock could not take back exactly: a variance at standard cost, else cost of goods sold. */
function putDifference(valuation: MovementValuation, difference: bigint): void {
  if (valuation.method === "standard") valuation.variance = fromTenThousandths(difference);
  else if (difference !== 0n) valuation.cogsAdjustment = fromTenThousandths(difference);
}

function movementValuation(
  method: MovementValuation["method"],
  kind: MovementValuation["kind"],
  quantity: number,
  totalCost: bigint,
  valueChange: bigint,
  extra: Partial<MovementValuation>,
): MovementValuation {
  return {
    kind,
    method,
    quantity,
    unitCost: fromTenThousandths(divideRounded(totalCost, BigInt(quantity))),
    totalCost: fromTenThousandths(totalCost),
    valueChange: fromTenThousandths(valueChange),
    ...extra,
  };
}
