import { Prisma } from "../db/generated/client";
import { periodBounds, siteCondition } from "./report-scope";
import { defineReport, periodFilters, siteFilterField } from "./report";

type Row = { site: string; counts: number; lines: number; linesWithDifference: number; unitsUp: number; unitsDown: number };

/**
 * Count accuracy per site over the counts submitted in the period. A line is an item (and lot) of a count: one
 * scanned, or one the books expected and the count did not find. It is accurate when the count found what the
 * books said, i.e. the count posted no correction for it; accuracy is accurate lines ÷ lines.
 */
export const countAccuracyReport = defineReport({
  name: "count-accuracy",
  title: "Count accuracy",
  description:
    "Per site, for counts submitted in the period: lines counted, lines whose count differed from the books, accuracy, and units corrected up and down.",
  emptyText: "No count was submitted in this period. Start one from the scan screen (Count), or choose a longer period.",
  permission: "reports.view",
  filters: periodFilters({ site: siteFilterField }),
  columns: [
    { key: "site", label: "Site", type: "text" },
    { key: "counts", label: "Counts", type: "integer" },
    { key: "lines", label: "Lines", type: "integer", description: "Items (and lots) counted, or expected and not found" },
    { key: "linesWithDifference", label: "Lines with a difference", type: "integer" },
    { key: "accuracy", label: "Accuracy", type: "percent", description: "Lines without a difference ÷ lines" },
    { key: "unitsUp", label: "Units counted up", type: "integer" },
    { key: "unitsDown", label: "Units counted down", type: "integer" },
    { key: "netUnits", label: "Net units", type: "integer" },
  ],
  async run(db, _actor, filters, sites) {
    const { start, end } = periodBounds(filters);
    const rows = await db.$queryRaw<Row[]>`
      WITH sessions AS (
        SELECT id, "siteId", "postingId" FROM "CountSession" c
        WHERE status = 'submitted' AND "closedAt" >= ${start} AND "closedAt" < ${end} ${siteCondition(Prisma.sql`c."siteId"`, sites)}
      ), corrections AS (
        SELECT s.id AS session, m."itemId", m."lotId",
               COALESCE(SUM(m.quantity) FILTER (WHERE fl."isVirtual"), 0)::int AS up,
               COALESCE(SUM(m.quantity) FILTER (WHERE NOT fl."isVirtual"), 0)::int AS down
        FROM sessions s JOIN "StockMovement" m ON m."postingId" = s."postingId" AND m.kind = 'count'
        JOIN "Location" fl ON fl.id = m."fromLocationId"
        GROUP BY 1, 2, 3
      ), lines AS (
        SELECT c."sessionId" AS session, c."itemId", c."lotId" FROM "CountScan" c WHERE c."sessionId" IN (SELECT id FROM sessions)
        UNION
        SELECT session, "itemId", "lotId" FROM corrections
      )
      SELECT site.code AS site, count(DISTINCT s.id)::int AS counts, count(l.session)::int AS lines,
             count(d.session) FILTER (WHERE d.up <> d.down)::int AS "linesWithDifference",
             COALESCE(SUM(d.up), 0)::int AS "unitsUp", COALESCE(SUM(d.down), 0)::int AS "unitsDown"
      FROM sessions s JOIN "Site" site ON site.id = s."siteId"
      LEFT JOIN lines l ON l.session = s.id
      LEFT JOIN corrections d ON d.session = l.session AND d."itemId" = l."itemId" AND d."lotId" IS NOT DISTINCT FROM l."lotId"
      GROUP BY site.code ORDER BY site.code`;
    return {
      rows: rows.map((row) => ({
        ...row,
        accuracy: row.lines === 0 ? null : Math.round(((row.lines - row.linesWithDifference) / row.lines) * 1000) / 1000,
        netUnits: row.unitsUp - row.unitsDown,
      })),
    };
  },
});
