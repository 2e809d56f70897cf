export type PriceBreak = { minQty: number; unitCost: string };

/**
 * The unit cost a supplier charges for `quantity` units: the price break with the highest minQty that the quantity
 * reaches, else the plain unit cost (null when the supplier has none). Breaks need not come sorted.
 */
export function priceForQuantity(quantity: number, unitCost: string | null, breaks: readonly PriceBreak[]): string | null {
  let best: PriceBreak | null = null;
  for (const b of breaks) if (quantity >= b.minQty && (!best || b.minQty > best.minQty)) best = b;
  return best?.unitCost ?? unitCost;
}
