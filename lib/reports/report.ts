import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Permission } from "../auth/permissions";
import { codeField } from "../contract/code-field";
import type { Db } from "../db/client";

/**
 * What a column holds, so the page, the CSV and the spreadsheet can render it: numbers stay numbers in the JSON (a
 * percent is a share 0..1), a decimal of money is an exact decimal string, a date is YYYY-MM-DD, a timestamp an
 * ISO 8601 instant in UTC.
 */
export const COLUMN_TYPES = ["text", "integer", "decimal", "percent", "date", "timestamp"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type ReportColumn = { key: string; label: string; type: ColumnType; description?: string };
export type ReportValue = string | number | null;
export type ReportRow = Record<string, ReportValue>;

/** The filters every report reads, once defaults are filled in: a period of UTC days, both ends included. */
export type ReportFilters = { from: string; to: string; site?: string; category?: string };

/** The sites a report's rows may come from: the site asked for, else every site the actor acts at. */
export type ReportSites = "all" | readonly string[];

/**
 * Where a streamed report resumes: after the row the cursor `after` names (none: from the start), `size` rows a
 * query. The cursor is the report's own (`cursorOf`), opaque to callers: URL-safe text they pass back as it was.
 * `atOnce`: the caller gathers what it wants at once and stops (a JSON page), rather than read as a download's
 * reader asks (lib/db/analytic-read.ts).
 */
export type StreamPage = { after: string | null; size: number; atOnce?: boolean };

/** Rows a streamed report reads per query. */
export const STREAM_BATCH_SIZE = 2_000;

/**
 * A filter of the report's own that its page's form shows: a text field, a date picker (`type: "date"`, for a
 * filter that is an `isoDay`: the browser sends YYYY-MM-DD, and the server still refuses anything else on the
 * field), or a choice of `options`.
 */
export type ReportFormField = { name: string; label: string; type?: "text" | "date"; options?: readonly { value: string; label: string }[] };

export type Report<F extends ReportFilters = ReportFilters> = {
  name: string;
  title: string;
  description: string;
  /** What the page says when the report has no rows: why, and what to do. */
  emptyText: string;
  /** Who may run it; the site scope of the actor limits the rows as well (lib/reports/run-report.ts). */
  permission: Permission;
  filters: z.ZodType<F, unknown>;
  /** false when the report ignores the period (today's stock): its page leaves the dates out of the form. */
  usesPeriod?: boolean;
  /** Filters beside the period and site that the page's form offers; the API takes every one of `filters`. */
  formFields?: readonly ReportFormField[];
  columns: readonly ReportColumn[];
  run(db: Db, actor: Actor, filters: F, sites: ReportSites): Promise<{ rows: ReportRow[] }>;
  /**
   * For a report that can grow past 10,000 rows: its rows a batch at a time in the report's order, keyset-paginated
   * (each query resumes after the last row's sort key, never by OFFSET), so an export never holds the whole report
   * and JSON answers a page with a cursor (lib/reports/run-report.ts). Its `run` may gather them all (`allRows`),
   * for callers in the process. The three go together: a streamed report without its cursor could not be paged.
   */
  streamed?: StreamedReport<F>;
  /**
   * For a streamed report with a chart: the rows its chart draws, over the whole answer rather than the page shown
   * (the valuation's value per category). Without it the chart draws the answer's rows.
   */
  chartRows?(db: Db, actor: Actor, filters: F, sites: ReportSites): Promise<ReportRow[]>;
};

export type StreamedReport<F extends ReportFilters> = {
  /** The rows from after `page.after`, `page.size` a query. A cursor it cannot read is `invalidCursor()`. */
  rows(db: Db, actor: Actor, filters: F, sites: ReportSites, page: StreamPage): AsyncGenerator<ReportRow[]>;
  /** The cursor that resumes after `row`, a row `rows` yielded. */
  cursorOf(row: ReportRow): string;
  /** How many rows `rows` will yield, so a background run can tell its progress. */
  count(db: Db, actor: Actor, filters: F, sites: ReportSites): Promise<number>;
};

/** A report of its own filter type, as the registry holds it. */
export function defineReport<F extends ReportFilters>(report: Report<F>): Report<F> {
  return report;
}

export const isoDay = z.iso.date("A date as YYYY-MM-DD");
export const DEFAULT_PERIOD_DAYS = 90;

export const utcToday = () => new Date().toISOString().slice(0, 10);

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The period every report takes, plus the report's own filters (`extra`): `to` is today when left out, `from`
 * the 90 days up to `to`; `from` after `to` is refused on `from`.
 */
export function periodFilters<S extends z.ZodRawShape>(extra: S) {
  const shape = z
    .object({
      from: isoDay.optional().describe(`First day counted (UTC); ${DEFAULT_PERIOD_DAYS} days up to \`to\` when left out`),
      to: isoDay.optional().describe("Last day counted (UTC); today when left out"),
    })
    .extend(extra);
  type Filled = Omit<z.output<typeof shape>, "from" | "to"> & { from: string; to: string };
  return shape
    .transform((q): Filled => {
      const { from, to = utcToday() } = q as { from?: string; to?: string };
      return { ...q, to, from: from ?? daysBefore(to, DEFAULT_PERIOD_DAYS - 1) } as Filled;
    })
    .refine((q) => q.from <= q.to, { path: ["from"], message: "On or before `to`" });
}

export const siteFilterField = codeField.optional().describe("Only this site (its code); every site of the caller when left out");

export const categoryFilterField = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe('A category path, e.g. "Tools > Drills"; its subcategories count too');

/** Every batch of a streamed report in one array: for tests and callers that want the whole, small, answer. */
export async function allRows(batches: AsyncIterable<ReportRow[]>): Promise<{ rows: ReportRow[] }> {
  const rows: ReportRow[] = [];
  for await (const batch of batches) rows.push(...batch);
  return { rows };
}
