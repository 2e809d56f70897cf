import type { DbTx } from "../db/client";
import { requireOpenDay } from "./open-day";

/**
 * After a change that may give items another costing method or standard cost (their own, their category's or the
 * installation's), their stock at every site takes it from `from` (a day; now when left out), with a revaluation
 * entry for whatever that changes in value (lib/valuation/valuation-function.sql, stockroom_revalue); nothing
 * happens to an item whose method and standard cost stay what they were. The day is checked once, then every item
 * is revalued by one statement, in id order (the order its cost states are locked in). In the caller's transaction.
 */
export async function revalueItems(tx: DbTx, itemIds: readonly string[], from?: string): Promise<void> {
  if (itemIds.length === 0) return;
  const at = from ? new Date(`${from}T00:00:00Z`) : new Date();
  if (from) await requireOpenDay(tx, at, "costingFrom");
  const ids = [...itemIds].sort();
  await tx.$queryRaw`
    SELECT stockroom_revalue(id, ${at}::timestamptz::timestamp(3), ${"New costing method or standard cost"})::text AS change
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS x(id, n) ORDER BY n`;
}
