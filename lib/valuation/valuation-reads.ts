import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { sitesOf } from "../reports/run-report";
import type { ValuationQuery, ReconciliationQuery } from "./schemas";
import { instantOf, valueChangesBetween, valuedPage, type ValuedLine } from "./valued-lines";

export { instantOf };

export type ValuationLine = Omit<ValuedLine, "category">;

/**
 * What the stock was worth at an instant, per item × site (lib/valuation/valued-lines.ts has the rule): the total
 * and count over every line, and a page of lines by SKU and site (`limit`, 1,000 by default; `cursor` = `next`).
 */
export async function valuationAsOf(db: Db, actor: Actor, query: ValuationQuery) {
  authorize(actor, "reports.view");
  const at = instantOf(query.asOf);
  const sites = await sitesOf(db, actor, "reports.view", query.site);
  const page = await valuedPage(db, at, sites, query, { limit: query.limit ?? 1_000, after: query.cursor });
  const settings = await db.installationSettings.findUnique({ where: { id: 1 }, select: { currency: true } });
  // The API's line has no category (the report's does).
  const data: ValuationLine[] = page.lines.map(({ category: _category, ...line }) => line);
  return { asOf: at.toISOString(), currency: settings?.currency ?? "EUR", total: page.total, count: page.count, data, next: page.next };
}

/**
 * How the value moved over a period (its days, UTC): opening + receipts − cost of goods sold + adjustments
 * (losses, damage, counts, found, revaluations) + transfers; a landed cost is a receipt, and its share for units
 * already gone is cost of goods sold (in less out; 0 over every site) = closing. Each
 * figure is a sum of the same rows the valuation adds up, so the identity holds to the cent.
 */
export async function valuationReconciliation(db: Db, actor: Actor, query: ReconciliationQuery) {
  authorize(actor, "reports.view");
  if (query.from > query.to) throw new ValidationFailed([{ field: "from", message: "On or before `to`" }]);
  const sites = await sitesOf(db, actor, "reports.view", query.site);
  const start = new Date(`${query.from}T00:00:00Z`);
  const end = instantOf(query.to, "to");
  const [row] = await db.$queryRaw<{ opening: string; receipts: string; cogs: string; adjustments: string; transfers: string; closing: string }[]>`
    WITH changes AS (${valueChangesBetween(start, end, sites, { endInclusive: true })})
    SELECT
      coalesce(sum(value) FILTER (WHERE "occurredAt" < ${start}), 0)::numeric(18,4)::text AS opening,
      coalesce(sum(value) FILTER (WHERE "occurredAt" >= ${start} AND category = 'receipts'), 0)::numeric(18,4)::text AS receipts,
      coalesce(-sum(value) FILTER (WHERE "occurredAt" >= ${start} AND category = 'cogs'), 0)::numeric(18,4)::text AS cogs,
      coalesce(sum(value) FILTER (WHERE "occurredAt" >= ${start} AND category = 'adjustments'), 0)::numeric(18,4)::text AS adjustments,
      coalesce(sum(value) FILTER (WHERE "occurredAt" >= ${start} AND category = 'transfers'), 0)::numeric(18,4)::text AS transfers,
      coalesce(sum(value), 0)::numeric(18,4)::text AS closing
    FROM changes`;
  const settings = await db.installationSettings.findUnique({ where: { id: 1 }, select: { currency: true } });
  return { from: query.from, to: query.to, site: query.site ?? null, currency: settings?.currency ?? "EUR", ...row };
}
