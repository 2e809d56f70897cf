/**
 * What a shop may sell of an item: the available units of its sites, less the buffer, never below zero. Both
 * parts of the buffer apply: held back = units + ⌈available × percent / 100⌉, so "keep 2 and 10 %" keeps 2 of 0–9
 * units and one more per started ten.
 */
export function sellableQuantity(available: number, buffer: { units: number; percent: number }): number {
  const heldBack = buffer.units + Math.ceil((Math.max(available, 0) * buffer.percent) / 100);
  return Math.max(available - heldBack, 0);
}
