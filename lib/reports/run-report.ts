import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Forbidden, NotFound, ValidationFailed } from "../domain-error";
import { STREAM_BATCH_SIZE, type Report, type ReportColumn, type ReportFilters, type ReportRow, type ReportSites } from "./report";
import { findReport } from "./registry";
import { reportPage } from "./schemas";

export type ReportAnswer = {
  name: string;
  title: string;
  filters: ReportFilters;
  columns: ReportColumn[];
  data: ReportRow[];
  /** For a streamed report, the cursor of the next page (null on the last); always null for the others. */
  next: string | null;
  /** What the report's chart draws when asked for (`chart: true`) and it is not the page's rows (Report.chartRows). */
  chart?: ReportRow[];
};

export type ReportPage = z.input<typeof reportPage>;

export const DEFAULT_PAGE_ROWS = 1_000;

/** A report ready to export: its rows a page at a time, checked and scoped before the first byte is sent. */
export type ReportExport = Omit<ReportAnswer, "data" | "next"> & {
  pages: AsyncIterable<ReportRow[]>;
  /** How many rows `pages` will hold, for a report that can count them ahead (a streamed one); else null. */
  countRows(): Promise<number | null>;
};

/**
 * Runs the report called `name` for the actor: 404 for no such report, the report's permission, its filters
 * parsed (422 naming the field; defaults filled in and echoed in the answer), and the site scope — a site that
 * does not exist is 422, one outside the actor's sites is 403, as a site-bound read elsewhere answers
 * (lib/availability/get-availability.ts); without a site the rows come from the actor's sites. A streamed report
 * answers one page (`limit` rows after `cursor`) and the cursor of the next.
 */
export async function runReport(
  db: Db,
  actor: Actor,
  name: string,
  query: Record<string, unknown>,
  page: ReportPage = {},
  { chart = false }: { chart?: boolean } = {},
): Promise<ReportAnswer> {
  const { report, filters, sites } = await prepare(db, actor, name, query);
  const parsedPage = reportPage.safeParse(page);
  if (!parsedPage.success) throw invalid(parsedPage.error);
  const chartRows = chart && report.chartRows ? report.chartRows(db, actor, filters, sites) : undefined;
  const [answer, chartData] = await Promise.all([answerPage(db, actor, report, filters, sites, parsedPage.data), chartRows]);
  return chartData ? { ...answer, chart: chartData } : answer;
}

async function answerPage(
  db: Db,
  actor: Actor,
  report: Report,
  filters: ReportFilters,
  sites: ReportSites,
  page: z.output<typeof reportPage>,
): Promise<ReportAnswer> {
  const streamed = report.streamed;
  if (!streamed) return wholeAnswer(db, actor, report, filters, sites);
  const { cursor, limit = DEFAULT_PAGE_ROWS } = page;
  // One row more than the page tells whether another page follows.
  const rows: ReportRow[] = [];
  for await (const batch of streamed.rows(db, actor, filters, sites, {
    after: cursor ?? null,
    size: Math.min(limit + 1, STREAM_BATCH_SIZE),
    atOnce: true,
  })) {
    rows.push(...batch);
    if (rows.length > limit) break;
  }
  const data = rows.slice(0, limit).map((row) => pick(row, report.columns));
  // The cursor comes from the row as the report read it: its sort key may be a value it does not publish.
  return { ...headOf(report, filters), data, next: rows.length > limit ? streamed.cursorOf(rows[limit - 1]) : null };
}

/**
 * The same checks as runReport, then every row in one answer, also of a streamed report (`next` is null): for
 * callers in the process that sum a whole report, as the manager's dashboard sums dead stock into its tile.
 */
export async function runWholeReport(db: Db, actor: Actor, name: string, query: Record<string, unknown>): Promise<ReportAnswer> {
  const { report, filters, sites } = await prepare(db, actor, name, query);
  return wholeAnswer(db, actor, report, filters, sites);
}

/** Every row of the report in one answer, with no next page. */
async function wholeAnswer(db: Db, actor: Actor, report: Report, filters: ReportFilters, sites: ReportSites): Promise<ReportAnswer> {
  const { rows } = await report.run(db, actor, filters, sites);
  return { ...headOf(report, filters), data: rows.map((row) => pick(row, report.columns)), next: null };
}

/**
 * The same checks as runReport, then the rows as pages for a CSV or XLSX download: a streamed report reads
 * STREAM_BATCH_SIZE rows a query as the download is read, the others answer one page of all their rows.
 */
export async function exportReport(db: Db, actor: Actor, name: string, query: Record<string, unknown>): Promise<ReportExport> {
  const { report, filters, sites } = await prepare(db, actor, name, query);
  const countRows = async () => (report.streamed ? report.streamed.count(db, actor, filters, sites) : null);
  return { ...headOf(report, filters), pages: pagesOf(db, actor, report, filters, sites), countRows };
}

async function* pagesOf(db: Db, actor: Actor, report: Report, filters: ReportFilters, sites: ReportSites): AsyncGenerator<ReportRow[]> {
  if (!report.streamed) {
    yield (await report.run(db, actor, filters, sites)).rows.map((row) => pick(row, report.columns));
    return;
  }
  for await (const batch of report.streamed.rows(db, actor, filters, sites, { after: null, size: STREAM_BATCH_SIZE })) {
    yield batch.map((row) => pick(row, report.columns));
  }
}

async function prepare(db: Db, actor: Actor, name: string, query: Record<string, unknown>) {
  const report = findReport(name);
  if (!report) throw new NotFound("Report", name);
  authorize(actor, report.permission);
  const parsed = report.filters.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error);
  const filters = parsed.data;
  const sites = await sitesOf(db, actor, report.permission, filters.site);
  return { report, filters, sites };
}

function invalid(error: z.ZodError): ValidationFailed {
  return new ValidationFailed(error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
}

export async function sitesOf(db: Db, actor: Actor, permission: string, code: string | undefined): Promise<ReportSites> {
  if (code === undefined) return actor.sites;
  const site = await db.site.findUnique({ where: { code }, select: { id: true } });
  if (!site) throw new ValidationFailed([{ field: "site", message: `No site has the code ${code}` }]);
  if (actor.sites !== "all" && !actor.sites.includes(site.id)) throw new Forbidden(permission, site.id);
  return [site.id];
}

/** What every answer of the report starts with: which report, the filters it ran with, its columns. */
function headOf(report: Report, filters: ReportFilters) {
  return { name: report.name, title: report.title, filters, columns: [...report.columns] };
}

/** The row with the report's columns only, in their order: what a report computes beside them is not published. */
function pick(row: ReportRow, columns: readonly ReportColumn[]): ReportRow {
  // A loop, not Object.fromEntries: an export of 400,000 rows made a pair array per cell for the collector to clear.
  const picked: ReportRow = {};
  for (const { key } of columns) picked[key] = row[key] ?? null;
  return picked;
}
