// A report whose lines are one analytic query (lib/db/analytic-read.ts): its whole answer, its lines streamed after
// a sort key, and their number, all from the one query, so a page, a download and a background run's progress
// cannot disagree. ABC × XYZ, turnover, ageing, dead stock and expiring lots are such reports.
import type { z } from "zod";
import { analyticBatches, analyticRows } from "../db/analytic-read";
import type { Prisma } from "../db/generated/client";
import { decodeCursor, encodeCursor } from "../db/key-cursor";
import type { Report, ReportFilters, ReportRow, ReportSites } from "./report";

/** The report's query: its lines in the answer's order, after `after` when given, or (`count`) how many there are. */
export type LinesQuery<F, Key> = (filters: F, sites: ReportSites, shape: { answer: "rows" | "count"; after?: Key }) => Prisma.Sql;

export type AnalyticLines<F, Key, Row> = {
  query: LinesQuery<F, Key>;
  /** Reads a cursor's parts back as the sort key the query resumes after (anything else is 422 on `cursor`). */
  key: z.ZodType<Key>;
  /** The parts of the sort key of a line as the report answers it: its cursor. */
  keyOf(row: ReportRow): (string | null)[];
  /** PostgreSQL's settings for this query (lib/db/analytic-read.ts). */
  settings?(filters: F): Record<string, string>;
  /** A line of the query as the report answers it. */
  toRow(row: Row, filters: F): ReportRow;
};

/** The report's `run` (every line at once) and `streamed` (lines after a cursor, a batch at a time; their number). */
export function analyticLines<F extends ReportFilters, Key, Row>(lines: AnalyticLines<F, Key, Row>): Pick<Report<F>, "run" | "streamed"> {
  const settings = (filters: F) => lines.settings?.(filters) ?? {};
  return {
    async run(db, _actor, filters, sites) {
      const rows = await analyticRows<Row>(db, lines.query(filters, sites, { answer: "rows" }), settings(filters));
      return { rows: rows.map((row) => lines.toRow(row, filters)) };
    },
    streamed: {
      async *rows(db, _actor, filters, sites, page) {
        const after = page.after === null ? undefined : decodeCursor(page.after, lines.key);
        const query = lines.query(filters, sites, { answer: "rows", after });
        for await (const rows of analyticBatches<Row>(db, query, page, settings(filters))) yield rows.map((row) => lines.toRow(row, filters));
      },
      cursorOf: (row) => encodeCursor(lines.keyOf(row)),
      async count(db, _actor, filters, sites) {
        const [{ count }] = await analyticRows<{ count: bigint }>(db, lines.query(filters, sites, { answer: "count" }), settings(filters));
        return Number(count);
      },
    },
  };
}
