import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Forbidden, NotFound, ValidationFailed } from "../domain-error";
import type { ReportColumn, ReportFilters, ReportRow, ReportSites } from "./report";
import { findReport } from "./registry";

export type ReportAnswer = { name: string; title: string; filters: ReportFilters; columns: ReportColumn[]; data: ReportRow[] };

/**
 * Runs the report called `name` for the actor: 404 for no such report, the report's permission, its filters
 * parsed (422 naming the field; defaults filled in and echoed in the answer), and the site scope — a site that
 * does not exist is 422, one outside the actor's sites is 403, as a site-bound read elsewhere answers
 * (lib/availability/get-availability.ts); without a site the rows come from the actor's sites.
 */
export async function runReport(db: Db, actor: Actor, name: string, query: Record<string, unknown>): Promise<ReportAnswer> {
  const report = findReport(name);
  if (!report) throw new NotFound("Report", name);
  authorize(actor, report.permission);
  const parsed = report.filters.safeParse(query);
  if (!parsed.success) throw new ValidationFailed(parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  const filters = parsed.data;
  const sites = await sitesOf(db, actor, report.permission, filters.site);
  const { rows } = await report.run(db, actor, filters, sites);
  return { name: report.name, title: report.title, filters, columns: [...report.columns], data: rows.map((row) => pick(row, report.columns)) };
}

export async function sitesOf(db: Db, actor: Actor, permission: string, code: string | undefined): Promise<ReportSites> {
  if (code === undefined) return actor.sites;
  const site = await db.site.findUnique({ where: { code }, select: { id: true } });
  if (!site) throw new ValidationFailed([{ field: "site", message: `No site has the code ${code}` }]);
  if (actor.sites !== "all" && !actor.sites.includes(site.id)) throw new Forbidden(permission, site.id);
  return [site.id];
}

/** The row with the report's columns only, in their order: what a report computes beside them is not published. */
function pick(row: ReportRow, columns: readonly ReportColumn[]): ReportRow {
  return Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null]));
}
