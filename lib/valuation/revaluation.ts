import { fromTenThousandths } from "../money/fixed-point";
import {
  type CostingMethod,
  type CostState,
  fromWorking,
  parseAmount,
  requireDate,
  spreadAverage,
  toWorking,
  totalValue,
  valueAtStandard,
  type Working,
} from "./cost-state";
import type { Revaluation } from "./valuation";

export type Revalued = { state: CostState; revaluation: Revaluation };

/**
 * Changes the costing method from a date. To standard: the stock is revalued to quantity × standard cost (the
 * revaluation entry carries the difference). From standard to FIFO or average: every layer keeps its value at the
 * standard cost it was carried at, and its receipt date, so the value does not change. Between FIFO and average
 * the value does not change either: average spreads it evenly over the layers, FIFO keeps each layer's value.
 */
export function changeMethod(state: CostState, change: { method: CostingMethod; at: string; standardCost?: string }): Revalued {
  requireDate(change.at);
  const working = toWorking(state);
  const before = snapshot(working);
  const valueBefore = totalValue(working);
  if (change.standardCost !== undefined) working.standardCost = parseAmount(change.standardCost, "standardCost");
  working.method = change.method;
  if (change.method === "standard") valueAtStandard(working);
  else if (change.method === "average") spreadAverage(working, valueBefore);
  return revalued(working, change.at, before, valueBefore);
}

/** Changes the standard cost from a date: at the standard method the stock is revalued by (new − old) × on hand. */
export function changeStandardCost(state: CostState, change: { standardCost: string; at: string }): Revalued {
  requireDate(change.at);
  const working = toWorking(state);
  const before = snapshot(working);
  const valueBefore = totalValue(working);
  working.standardCost = parseAmount(change.standardCost, "standardCost");
  if (working.method === "standard") valueAtStandard(working);
  return revalued(working, change.at, before, valueBefore);
}

function snapshot(working: Working): Revaluation["from"] {
  return { method: working.method, standardCost: working.standardCost === null ? null : fromTenThousandths(working.standardCost) };
}

function revalued(working: Working, at: string, from: Revaluation["from"], valueBefore: bigint): Revalued {
  return {
    state: fromWorking(working),
    revaluation: { at, amount: fromTenThousandths(totalValue(working) - valueBefore), from, to: snapshot(working) },
  };
}
