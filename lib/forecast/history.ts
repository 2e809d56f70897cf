/** A history ready for fitting: gaps filled, missing ends cut off. */
export type PreparedHistory = {
  y: number[];
  /** Missing periods cut from the end: the forecast must skip them to land on the asked periods. */
  trailingMissing: number;
  observedCount: number;
};

/**
 * `null` means the period was not observed (a stockout, a gap in the records), not zero demand. Leading and
 * trailing gaps are cut; inner gaps are filled by straight lines between their neighbours so that no method
 * reads them as zeros.
 */
export function prepareHistory(values: readonly (number | null)[]): PreparedHistory {
  let first = 0;
  while (first < values.length && values[first] === null) first++;
  let last = values.length - 1;
  while (last >= first && values[last] === null) last--;
  const trailingMissing = values.length - 1 - last;
  const y: number[] = [];
  let observedCount = 0;
  for (let i = first; i <= last; i++) {
    const v = values[i];
    if (v !== null) {
      y.push(v);
      observedCount++;
      continue;
    }
    let next = i + 1;
    while (values[next] === null) next++;
    const before = y[y.length - 1];
    const after = values[next] as number;
    const step = (after - before) / (next - i + 1);
    for (let j = i; j < next; j++) y.push(before + step * (j - i + 1));
    i = next - 1;
  }
  return { y, trailingMissing, observedCount };
}
