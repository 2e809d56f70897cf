// The one query behind "what was the stock worth at an instant": GET /api/v1/valuation (valuation-reads.ts) and the
// `valuation` report (lib/reports/valuation.ts) both read it, so they cannot disagree.
import type { Db } from "../db/client";
import { analyticBatches, analyticRows, type BatchReading } from "../db/analytic-read";
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
 * Every change of value before `end` (or up to it) as rows (itemId, siteId, occurredAt, category, quantity, value),
 * the history before `start` folded into the latest snapshot at or before it (a closed month's sums, see
 * close-period.ts; its rows dated -infinity, category "snapshot"): so a read scans the months since the last
 * close, not the whole history. `itemId` narrows to one item (a SKU filter). The valuation as of an instant, the
 * reconciliation, turnover and the dashboard's value series all add up these rows.
 */
export function valueChangesBetween(
  start: Date,
  end: Date,
  sites: ReportSites,
  { endInclusive = false, itemId }: { endInclusive?: boolean; itemId?: string } = {},
): Prisma.Sql {
  const snapshot = Prisma.sql`(SELECT max(through) FROM "ValueSnapshot" WHERE through <= ${start})`;
  const until = (column: string) => (endInclusive ? Prisma.sql`${Prisma.raw(column)} <= ${end}` : Prisma.sql`${Prisma.raw(column)} < ${end}`);
  const item = (column: string) => (itemId ? Prisma.sql`AND ${Prisma.raw(column)} = ${itemId}::uuid` : Prisma.empty);
  return Prisma.sql`
    SELECT x."itemId", x."siteId", '-infinity'::timestamp AS "occurredAt", 'snapshot' AS category, x.quantity::bigint AS quantity, x.value
      FROM "ValueSnapshot" x
     WHERE x.through = ${snapshot} ${siteCondition(Prisma.sql`x."siteId"`, sites)} ${item('x."itemId"')}
    UNION ALL
    SELECT v."itemId", v."siteId", v."occurredAt", v.category::text, v.quantity::bigint, v.value FROM "MovementValue" v
     WHERE ${until('v."occurredAt"')} AND v."occurredAt" >= coalesce(${snapshot}, '-infinity')
       ${siteCondition(Prisma.sql`v."siteId"`, sites)} ${item('v."itemId"')}
    UNION ALL
    SELECT r."itemId", r."siteId", r."occurredAt", r.category::text, r.quantity, r.amount FROM "CostRevaluation" r
     WHERE ${until('r."occurredAt"')} AND r."occurredAt" >= coalesce(${snapshot}, '-infinity')
       ${siteCondition(Prisma.sql`r."siteId"`, sites)} ${item('r."itemId"')}`;
}

export type ValuedPage = { lines: ValuedLine[]; total: string; count: number; next: string | null };

/** A page of lines: at most `limit` after the cursor `after` (the last line's "sku site" of the page before). */
export type PageRequest = { limit?: number; after?: string };

/** What narrows the lines: a category path (its subcategories too), a SKU. */
export type ValuedQuery = { category?: string; sku?: string };

/** A line's place in the order of the lines (SKU, then site code), to resume after. */
export type LineKey = { sku: string; site: string };

/**
 * Per item × site, the sum of every value that entered and left each site's stock up to `at` (MovementValue) plus
 * revaluations (a new method or standard cost, an opening value, a landed cost); rows with neither units nor value
 * left out. By SKU, then site code; `total` and `count` are over every line, whatever the page.
 */
export async function valuedPage(db: Db, at: Date, sites: ReportSites, query: ValuedQuery, page: PageRequest = {}): Promise<ValuedPage> {
  const itemId = await itemIdOf(db, query);
  if (itemId === null) return { lines: [], total: "0.0000", count: 0, next: null };
  const [sku, site] = page.after ? page.after.split(" ") : [];
  const limit = page.limit ?? null;
  const rows = await analyticRows<LineRow & { total: string; count: bigint }>(
    db,
    Prisma.sql`${linesQuery(at, sites, query.category, itemId, { totals: true, after: sku === undefined ? undefined : { sku, site: site ?? "" } })}
       LIMIT ${limit === null ? null : limit + 1}`,
  );
  // A page past the last line has no row to carry the totals: they are the first page's.
  if (rows.length === 0 && page.after) return { ...(await valuedPage(db, at, sites, query, { limit: 1 })), lines: [], next: null };
  // One line more than the page tells whether another page follows.
  const more = limit !== null && rows.length > limit;
  const lines = rows.slice(0, limit ?? undefined).map(({ total: _total, count: _count, ...row }) => lineOf(row));
  const last = lines.at(-1);
  return {
    lines,
    total: rows[0]?.total ?? "0.0000",
    count: Number(rows[0]?.count ?? 0),
    next: more && last ? `${last.sku} ${last.site}` : null,
  };
}

/**
 * The lines after `after` (none: from the first), `size` at a time, for a download of every line: the sums are
 * made once and handed over a batch at a time (lib/db/analytic-read.ts), so memory holds one batch.
 */
export async function* valuedBatches(
  db: Db,
  at: Date,
  sites: ReportSites,
  query: ValuedQuery,
  page: { after: LineKey | null } & BatchReading,
): AsyncGenerator<ValuedLine[]> {
  const itemId = await itemIdOf(db, query);
  if (itemId === null) return;
  const batches = analyticBatches<LineRow>(
    db,
    linesQuery(at, sites, query.category, itemId, { totals: false, after: page.after ?? undefined }),
    page,
  );
  for await (const rows of batches) yield rows.map(lineOf);
}

/** How many lines there are: what valuedBatches will yield from the start. */
export async function countValuedLines(db: Db, at: Date, sites: ReportSites, query: ValuedQuery): Promise<number> {
  const itemId = await itemIdOf(db, query);
  if (itemId === null) return 0;
  const [{ count }] = await analyticRows<{ count: bigint }>(
    db,
    Prisma.sql`SELECT count(*) AS count FROM (${linesQuery(at, sites, query.category, itemId, { totals: false, ordered: false })}) lines`,
  );
  return Number(count);
}

/**
 * The value per category path (null: items without one) over every line: what a chart of the whole valuation
 * draws, however many lines the answer is paged into.
 */
export async function valueByCategory(
  db: Db,
  at: Date,
  sites: ReportSites,
  query: ValuedQuery,
): Promise<{ category: string | null; value: string }[]> {
  const itemId = await itemIdOf(db, query);
  if (itemId === null) return [];
  return analyticRows<{ category: string | null; value: string }>(
    db,
    Prisma.sql`SELECT category, sum(value::numeric)::numeric(18,4)::text AS value
                 FROM (${linesQuery(at, sites, query.category, itemId, { totals: false, ordered: false })}) lines
                GROUP BY category ORDER BY category NULLS LAST`,
  );
}

type LineRow = Omit<ValuedLine, "quantity"> & { quantity: bigint };

function lineOf(row: LineRow): ValuedLine {
  return { ...row, quantity: Number(row.quantity) };
}

/** The item a SKU names (null: no such item, so no lines); undefined when the query names none. */
async function itemIdOf(db: Db, query: ValuedQuery): Promise<string | null | undefined> {
  if (!query.sku) return undefined;
  const item = await db.item.findUnique({ where: { skuKey: query.sku.toLowerCase() }, select: { id: true } });
  return item?.id ?? null;
}

/** The lines as one SELECT: by SKU and site code (unless `ordered` is false), after `after`, with the totals over all. */
function linesQuery(
  at: Date,
  sites: ReportSites,
  category: string | undefined,
  itemId: string | undefined,
  { totals, after, ordered = true }: { totals: boolean; after?: LineKey; ordered?: boolean },
): Prisma.Sql {
  return Prisma.sql`
      WITH changes AS (${valueChangesBetween(at, at, sites, { endInclusive: true, itemId })}), per_item AS (
        SELECT "itemId", "siteId", sum(quantity) AS quantity, sum(value) AS value FROM changes GROUP BY "itemId", "siteId"
      ), lines AS (
        SELECT i.sku, i.name, c.path AS category, s.code AS site, p.quantity, p.value, coalesce(cs.method::text, 'fifo') AS method
               ${totals ? Prisma.sql`, sum(p.value) OVER () AS total, count(*) OVER () AS count` : Prisma.empty}
          FROM per_item p
          JOIN "Item" i ON i.id = p."itemId"
          LEFT JOIN "Category" c ON c.id = i."categoryId"
          JOIN "Site" s ON s.id = p."siteId"
          LEFT JOIN "CostState" cs ON cs."itemId" = p."itemId" AND cs."siteId" = p."siteId"
         WHERE (p.quantity <> 0 OR p.value <> 0) ${categoryCondition(Prisma.sql`i."categoryId"`, category)}
      )
      SELECT sku, name, category, site, quantity, value::numeric(18,4)::text AS value, method
             ${totals ? Prisma.sql`, total::numeric(18,4)::text AS total, count` : Prisma.empty}
        FROM lines
       WHERE ${after === undefined ? Prisma.sql`true` : Prisma.sql`(sku, site) > (${after.sku}, ${after.site})`}
       ${ordered ? Prisma.sql`ORDER BY sku, site` : Prisma.empty}`;
}
