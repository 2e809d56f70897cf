import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Prisma, type CostingMethod } from "../db/generated/client";
import { ValidationFailed } from "../domain-error";
import { categoryCondition, siteCondition } from "../reports/report-scope";
import type { ReportSites } from "../reports/report";
import { sitesOf } from "../reports/run-report";
import type { ValuationQuery, ReconciliationQuery } from "./schemas";

/**
 * The end of `asOf`: a plain date is the whole of that day (UTC), a timestamp that instant; now when left out.
 * Movements count by when they happened (occurredAt), so late paperwork shows on its day.
 */
export function instantOf(asOf: string | undefined, field = "asOf"): Date {
  if (asOf === undefined) return new Date();
  const at = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000 - 1) : new Date(asOf);
  if (Number.isNaN(at.getTime())) throw new ValidationFailed([{ field, message: "Enter a date (YYYY-MM-DD) or an ISO timestamp" }]);
  return at;
}

export type ValuationLine = { sku: string; name: string; site: string; quantity: number; value: string; method: CostingMethod };

/**
 * What the stock was worth at an instant, per item × site: the sum of every value that entered and left each
 * site's stock up to then (MovementValue), plus revaluations (a new method or standard cost, the opening value).
 */
export async function valuationAsOf(db: Db, actor: Actor, query: ValuationQuery) {
  authorize(actor, "reports.view");
  const at = instantOf(query.asOf);
  const sites = await sitesOf(db, actor, "reports.view", query.site);
  const lines = await valuedLines(db, at, sites, query);
  const settings = await db.installationSettings.findUnique({ where: { id: 1 }, select: { currency: true } });
  const total = lines.reduce((sum, line) => sum.plus(line.value), new Prisma.Decimal(0));
  return { asOf: at.toISOString(), currency: settings?.currency ?? "EUR", total: total.toFixed(4), data: lines };
}

async function valuedLines(db: Db, at: Date, sites: ReportSites, query: { category?: string; sku?: string }): Promise<ValuationLine[]> {
  const sku = query.sku ? Prisma.sql`AND i."skuKey" = ${query.sku.toLowerCase()}` : Prisma.empty;
  const rows = await db.$queryRaw<{ sku: string; name: string; site: string; quantity: bigint; value: string; method: CostingMethod }[]>`
    WITH changes AS (
      SELECT v."itemId", v."siteId", v.quantity::bigint AS quantity, v.value FROM "MovementValue" v
       WHERE v."occurredAt" <= ${at} ${siteCondition(Prisma.sql`v."siteId"`, sites)}
      UNION ALL
      SELECT r."itemId", r."siteId", r.quantity, r.amount FROM "CostRevaluation" r
       WHERE r."occurredAt" <= ${at} ${siteCondition(Prisma.sql`r."siteId"`, sites)}
    ), per_item AS (
      SELECT "itemId", "siteId", sum(quantity) AS quantity, sum(value) AS value FROM changes GROUP BY "itemId", "siteId"
    )
    SELECT i.sku, i.name, s.code AS site, p.quantity, p.value::numeric(18,4)::text AS value, coalesce(cs.method::text, 'fifo') AS method
      FROM per_item p
      JOIN "Item" i ON i.id = p."itemId"
      JOIN "Site" s ON s.id = p."siteId"
      LEFT JOIN "CostState" cs ON cs."itemId" = p."itemId" AND cs."siteId" = p."siteId"
     WHERE (p.quantity <> 0 OR p.value <> 0) ${sku} ${categoryCondition(Prisma.sql`i."categoryId"`, query.category)}
     ORDER BY i.sku, s.code`;
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity) }));
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
    WITH changes AS (
      SELECT v."occurredAt", v.category::text AS category, v.value FROM "MovementValue" v
       WHERE v."occurredAt" <= ${end} ${siteCondition(Prisma.sql`v."siteId"`, sites)}
      UNION ALL
      SELECT r."occurredAt", r.category::text, r.amount FROM "CostRevaluation" r
       WHERE r."occurredAt" <= ${end} ${siteCondition(Prisma.sql`r."siteId"`, sites)}
    )
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
