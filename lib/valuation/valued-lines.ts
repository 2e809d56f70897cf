// The one query behind "what was the stock worth at an instant": GET /api/v1/valuation (valuation-reads.ts) and the
// `valuation` report (lib/reports/valuation.ts) both read it, so they cannot disagree.
import type { Db } from "../db/client";
import { Prisma, type CostingMethod } from "../db/generated/client";
import { categoryCondition, siteCondition } from "../reports/report-scope";
import type { ReportSites } from "../reports/report";
import { ValidationFailed } from "../domain-error";

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

export type ValuedLine = {
  sku: string;
  name: string;
  category: string | null;
  site: string;
  quantity: number;
  value: string;
  method: CostingMethod;
};

/**
 * Per item × site, the sum of every value that entered and left each site's stock up to `at` (MovementValue) plus
 * revaluations (a new method or standard cost, an opening value, a landed cost); rows with neither units nor value
 * left out. By SKU, then site code.
 */
export async function valuedLines(db: Db, at: Date, sites: ReportSites, query: { category?: string; sku?: string }): Promise<ValuedLine[]> {
  const sku = query.sku ? Prisma.sql`AND i."skuKey" = ${query.sku.toLowerCase()}` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<ValuedLine, "quantity"> & { quantity: bigint })[]>`
    WITH changes AS (
      SELECT v."itemId", v."siteId", v.quantity::bigint AS quantity, v.value FROM "MovementValue" v
       WHERE v."occurredAt" <= ${at} ${siteCondition(Prisma.sql`v."siteId"`, sites)}
      UNION ALL
      SELECT r."itemId", r."siteId", r.quantity, r.amount FROM "CostRevaluation" r
       WHERE r."occurredAt" <= ${at} ${siteCondition(Prisma.sql`r."siteId"`, sites)}
    ), per_item AS (
      SELECT "itemId", "siteId", sum(quantity) AS quantity, sum(value) AS value FROM changes GROUP BY "itemId", "siteId"
    )
    SELECT i.sku, i.name, c.path AS category, s.code AS site, p.quantity, p.value::numeric(18,4)::text AS value,
           coalesce(cs.method::text, 'fifo') AS method
      FROM per_item p
      JOIN "Item" i ON i.id = p."itemId"
      LEFT JOIN "Category" c ON c.id = i."categoryId"
      JOIN "Site" s ON s.id = p."siteId"
      LEFT JOIN "CostState" cs ON cs."itemId" = p."itemId" AND cs."siteId" = p."siteId"
     WHERE (p.quantity <> 0 OR p.value <> 0) ${sku} ${categoryCondition(Prisma.sql`i."categoryId"`, query.category)}
     ORDER BY i.sku, s.code`;
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity) }));
}
