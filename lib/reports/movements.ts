import { z } from "zod";
import type { Db } from "../db/client";
import { MovementKind, Prisma } from "../db/generated/client";
import { invalidCursor } from "../db/key-cursor";
import { categoryCondition, periodBounds } from "./report-scope";
import {
  allRows,
  categoryFilterField,
  STREAM_BATCH_SIZE,
  defineReport,
  periodFilters,
  siteFilterField,
  type ReportRow,
  type ReportSites,
  type StreamPage,
} from "./report";

type Row = {
  id: bigint;
  at: Date;
  occurredAt: Date;
  kind: string;
  sku: string;
  name: string;
  quantity: number;
  from: string;
  to: string;
  lot: string | null;
  reason: string;
  reference: string | null;
  actor: string;
  value: string | null;
};

type Filters = { from: string; to: string; site?: string; category?: string; sku?: string; kind?: MovementKind };

const KINDS = Object.values(MovementKind) as [MovementKind, ...MovementKind[]];

/**
 * The movement journal: every movement of the period with at least one end at the report's sites, in the order
 * they were recorded (`at`, then id). It can run to millions of rows, so it streams: a batch per query,
 * keyset-paginated on (`at`, id) — the order of the `at` index that finds the period, so the first page does not
 * pass over every older movement, as paging by id alone did (3.1 s for 90 days of 10 million) — and never past the
 * last id there was when it started, so a download is one consistent snapshot of the append-only ledger.
 * Each carries its cost (`value`, as `valuation.totalCost` of GET /api/v1/movements/{id}): what left the site's stock
 * where it left one, else what came in; null for a move within a site, which is not valued.
 */
export const movementsReport = defineReport({
  name: "movements",
  title: "Movement journal",
  description: "Every stock movement of the period that leaves or reaches the chosen sites, in the order they were posted.",
  emptyText: "Nothing moved here in this period. Choose a longer period, another site, or clear the item and kind.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    sku: z.string().trim().min(1).max(64).optional().describe("Only this item's movements (its SKU)"),
    kind: z.enum(KINDS).optional().describe("Only movements of this kind"),
  }),
  formFields: [
    { name: "sku", label: "SKU" },
    {
      name: "kind",
      label: "Kind",
      options: [{ value: "", label: "Every kind" }, ...KINDS.map((kind) => ({ value: kind, label: kind.replace("_", " ") }))],
    },
    { name: "category", label: "Category" },
  ],
  columns: [
    // Text, as GET /api/v1/movements/{id} names it: an identifier, not a quantity to sum or format with commas.
    { key: "id", label: "Movement", type: "text" },
    { key: "at", label: "Recorded at", type: "timestamp", description: "When it was posted; the period counts by this" },
    { key: "occurredAt", label: "Occurred at", type: "timestamp", description: "When it happened (late paperwork, opening balances)" },
    { key: "kind", label: "Kind", type: "text" },
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "quantity", label: "Quantity", type: "integer" },
    { key: "from", label: "From", type: "text", description: "The location the units left" },
    { key: "to", label: "To", type: "text", description: "The location the units reached" },
    { key: "lot", label: "Lot", type: "text" },
    { key: "reason", label: "Reason", type: "text" },
    { key: "reference", label: "Reference", type: "text" },
    { key: "actor", label: "By", type: "text" },
    {
      key: "value",
      label: "Value",
      type: "decimal",
      description: "Its cost, 4 places: what left a site's stock, else what came in; empty for a move within a site",
    },
  ],
  run(db, _actor, filters, sites) {
    return allRows(movementBatches(db, filters, sites, { after: null, size: STREAM_BATCH_SIZE }));
  },
  streamed: {
    rows(db, _actor, filters, sites, page) {
      return movementBatches(db, filters, sites, page);
    },
    // The row's place in the journal's order: `at` (in milliseconds since 1970, its precision), then the id.
    cursorOf: (row) => `${Date.parse(String(row.at))}-${row.id}`,
    async count(db, _actor, filters, sites) {
      const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count ${journalFrom(filters, sites)}`;
      return Number(count);
    },
  },
});

async function* movementBatches(db: Db, filters: Filters, sites: ReportSites, page: StreamPage): AsyncGenerator<ReportRow[]> {
  let after = page.after === null ? null : parseCursor(page.after);
  const [{ last }] = await db.$queryRaw<{ last: bigint | null }[]>`SELECT max(id) AS last FROM "StockMovement"`;
  if (last === null) return;
  for (;;) {
    // The bare `at` bound lets the index start there, as stock-on-hand's key does.
    const afterRow = after ? Prisma.sql`AND m.at >= ${after.at} AND (m.at, m.id) > (${after.at}, ${after.id})` : Prisma.empty;
    const rows = await db.$queryRaw<Row[]>`
      SELECT m.id, m.at, m.kind::text AS kind, i.sku, i.name, m.quantity, fl.code AS "from", tl.code AS "to", lot.number AS lot,
             m."reasonCode" AS reason, m.reference, m."actorLabel" AS actor, m."occurredAt",
             abs(mv.value)::numeric(18,4)::text AS value
      ${journalFrom(filters, sites, { withValue: true })} ${afterRow} AND m.id <= ${last}
      ORDER BY m.at, m.id
      LIMIT ${page.size}`;
    if (rows.length > 0) yield rows.map(toReportRow);
    if (rows.length < page.size) return;
    const { at, id } = rows[rows.length - 1];
    after = { at, id };
  }
}

function parseCursor(cursor: string): { at: Date; id: bigint } {
  const match = /^(\d{1,15})-(\d{1,18})$/.exec(cursor);
  if (!match) throw invalidCursor();
  return { at: new Date(Number(match[1])), id: BigInt(match[2]) };
}

/** The journal's tables and conditions, shared by the rows and their count. */
function journalFrom(filters: Filters, sites: ReportSites, { withValue = false } = {}): Prisma.Sql {
  const { start, end } = periodBounds(filters);
  // The side that left a site (its quantity is negative) first, else the side that came in.
  const value = withValue
    ? Prisma.sql`LEFT JOIN LATERAL (SELECT v.value FROM "MovementValue" v WHERE v."movementId" = m.id ORDER BY v.quantity LIMIT 1) mv ON true`
    : Prisma.empty;
  return Prisma.sql`
      FROM "StockMovement" m
      JOIN "Item" i ON i.id = m."itemId"
      JOIN "Location" fl ON fl.id = m."fromLocationId" JOIN "Location" tl ON tl.id = m."toLocationId"
      LEFT JOIN "Lot" lot ON lot.id = m."lotId"
      ${value}
      WHERE m.at >= ${start} AND m.at < ${end}
        ${eitherEndAt(sites)}
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
        ${filters.sku ? Prisma.sql`AND i."skuKey" = ${filters.sku.toLowerCase()}` : Prisma.empty}
        ${filters.kind ? Prisma.sql`AND m.kind = ${filters.kind}::"MovementKind"` : Prisma.empty}`;
}

/** A movement is the site's when either end is there: a transfer shows at the site it left and the one it reached. */
function eitherEndAt(sites: ReportSites): Prisma.Sql {
  if (sites === "all") return Prisma.empty;
  const ids = [...sites];
  return Prisma.sql`AND (fl."siteId" = ANY(${ids}::uuid[]) OR tl."siteId" = ANY(${ids}::uuid[]))`;
}

function toReportRow(row: Row): ReportRow {
  return { ...row, id: row.id.toString(), at: row.at.toISOString(), occurredAt: row.occurredAt.toISOString() };
}
