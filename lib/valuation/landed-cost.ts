import { ValidationFailed } from "../domain-error";
import { allocateProportionally, divideRounded, fromTenThousandths } from "../money/fixed-point";
import { type CostState, findLayer, fromWorking, parseAmount, spreadAverage, toWorking, totalValue } from "./cost-state";
import { UnknownCostLayer } from "./errors";
import type { Valued } from "./movements";
import type { LandedCostValuation } from "./valuation";

/**
 * Adds a landed cost (freight, duty, handling; negative for a credit note) to one layer, also when the invoice comes
 * after the goods: the share of the layer's units still on hand, round(amount × on hand ÷ received), goes into
 * stock, the rest to cost of goods sold — so amount = toStock + toCogs exactly. At standard cost stock stays at
 * standard and the whole amount is a purchase price variance.
 */
export function addLandedCost(state: CostState, { layerId, amount }: { layerId: string; amount: string }): Valued<LandedCostValuation> {
  return applyLandedCost(state, layerId, parseAmount(amount, "amount", { allowNegative: true }), undefined, false);
}

/** `toStock`, when given, is the split to use (a reversal undoing the original's); stock never goes below 0. */
export function applyLandedCost(
  state: CostState,
  layerId: string,
  amount: bigint,
  toStock: bigint | undefined,
  reversal: boolean,
): Valued<LandedCostValuation> {
  const working = toWorking(state);
  const layer = findLayer(working, layerId);
  if (!layer) throw new UnknownCostLayer(layerId);
  const layerQuantity = layer.quantity;
  let inStock = 0n;
  if (working.method !== "standard" && layer.quantity > 0) {
    inStock = toStock ?? divideRounded(amount * BigInt(layer.quantity), BigInt(layer.receivedQuantity));
    const holds = working.method === "average" ? totalValue(working) : layer.value;
    if (holds + inStock < 0n) inStock = -holds;
  }
  if (working.method === "average") spreadAverage(working, totalValue(working) + inStock);
  else layer.value += inStock;
  layer.landedCost += amount;
  const valuation: LandedCostValuation = {
    kind: "landed-cost",
    method: working.method,
    layerId,
    amount: fromTenThousandths(amount),
    toStock: fromTenThousandths(inStock),
    toCogs: fromTenThousandths(working.method === "standard" ? 0n : amount - inStock),
    valueChange: fromTenThousandths(inStock),
    layerQuantity,
  };
  if (working.method === "standard") valuation.variance = fromTenThousandths(amount);
  if (reversal) valuation.reversal = true;
  return { state: fromWorking(working), valuation };
}

export type LandedCostLine = { id: string; quantity: number; value: string; weight?: string };
export type AllocationBasis = "value" | "quantity" | "weight";

/**
 * Splits a landed cost over a receipt's lines in proportion to their value, quantity or weight; the shares sum to
 * the amount exactly (largest remainder: see allocateProportionally in lib/money/fixed-point.ts).
 */
export function allocateLandedCost(amount: string, lines: readonly LandedCostLine[], by: AllocationBasis): { id: string; amount: string }[] {
  const total = parseAmount(amount, "amount", { allowNegative: true });
  if (lines.length === 0) throw new ValidationFailed([{ field: "lines", message: "A landed cost needs at least one line to go to" }]);
  const weights = lines.map((line, index) => {
    if (by === "quantity") return BigInt(line.quantity);
    const basis = by === "value" ? line.value : line.weight;
    if (basis === undefined) throw new ValidationFailed([{ field: `lines.${index}.weight`, message: "Give each line's weight to split by weight" }]);
    return parseAmount(basis, `lines.${index}.${by}`);
  });
  if (weights.every((weight) => weight === 0n) && total !== 0n) {
    throw new ValidationFailed([{ field: "by", message: `Every line's ${by} is 0: split by something else` }]);
  }
  const shares = allocateProportionally(total, weights);
  return lines.map((line, index) => ({ id: line.id, amount: fromTenThousandths(shares[index]) }));
}
