import { Prisma } from "../db/generated/client";
import { categoryCondition, periodBounds } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField, type ReportSites } from "./report";

type Row = {
  transfer: string;
  reference: string | null;
  fromSite: string;
  toSite: string;
  status: string;
  lineNo: number;
  sku: string;
  shipped: number;
  received: number;
  damaged: number;
  short: number;
  over: number;
  lastReceivedAt: Date;
};

/** A transfer belongs to a site at either end: both ends' managers answer for what went missing between them. */
function eitherEnd(sites: ReportSites): Prisma.Sql {
  if (sites === "all") return Prisma.empty;
  const ids = [...sites];
  return Prisma.sql`AND (t."fromSiteId" = ANY(${ids}::uuid[]) OR t."toSiteId" = ANY(${ids}::uuid[]))`;
}

/**
 * Transfer lines that arrived otherwise than shipped — damaged, short (booked to the source's loss on closing) or
 * over — for transfers received or closed in the period, at the site asked for at either end.
 */
export const transferDiscrepanciesReport = defineReport({
  name: "transfer-discrepancies",
  title: "Transfer discrepancies",
  description: "Transfer lines received damaged, short or over, for transfers received or closed in the period, at either end's site.",
  emptyText: "Every transfer received in this period arrived as shipped. Choose a longer period or another site.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
  }),
  columns: [
    { key: "transfer", label: "Transfer", type: "text" },
    { key: "reference", label: "Reference", type: "text" },
    { key: "fromSite", label: "From", type: "text" },
    { key: "toSite", label: "To", type: "text" },
    { key: "status", label: "Status", type: "text" },
    { key: "lineNo", label: "Line", type: "integer" },
    { key: "sku", label: "SKU", type: "text" },
    { key: "shipped", label: "Shipped", type: "integer" },
    { key: "received", label: "Received", type: "integer", description: "Good units put away" },
    { key: "damaged", label: "Damaged", type: "integer" },
    { key: "short", label: "Short", type: "integer", description: "Never arrived: booked to the source's loss when the transfer was closed" },
    { key: "over", label: "Over", type: "integer", description: "More arrived than was shipped" },
    { key: "lastReceivedAt", label: "Last received", type: "date" },
  ],
  async run(db, _actor, filters, sites) {
    const { start, end } = periodBounds(filters);
    const rows = await db.$queryRaw<Row[]>`
      WITH arrived AS (
        SELECT "transferId", MAX(at) AS last_at FROM "TransferStep"
        WHERE step IN ('received', 'closed') AND at >= ${start} AND at < ${end}
        GROUP BY "transferId"
      )
      SELECT t.id::text AS transfer, t.reference, fs.code AS "fromSite", ts.code AS "toSite", t.status::text AS status,
             l."lineNo", i.sku, l."shippedQuantity" AS shipped, l."receivedQuantity" AS received,
             l."damagedQuantity" AS damaged, l."shortQuantity" AS short, l."overQuantity" AS over, a.last_at AS "lastReceivedAt"
      FROM arrived a
      JOIN "TransferOrder" t ON t.id = a."transferId"
      JOIN "TransferLine" l ON l."transferId" = t.id
      JOIN "Item" i ON i.id = l."itemId"
      JOIN "Site" fs ON fs.id = t."fromSiteId" JOIN "Site" ts ON ts.id = t."toSiteId"
      WHERE (l."damagedQuantity" > 0 OR l."shortQuantity" > 0 OR l."overQuantity" > 0)
        ${eitherEnd(sites)}
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      ORDER BY a.last_at DESC, t.id, l."lineNo"`;
    return { rows: rows.map((row) => ({ ...row, lastReceivedAt: row.lastReceivedAt.toISOString().slice(0, 10) })) };
  },
});
