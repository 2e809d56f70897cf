import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import { BackgroundRun } from "@/components/reports/background-run";
import { ReportFilters } from "@/components/reports/report-filters";
import { ReportSchedules } from "@/components/reports/report-schedules";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { listReportSchedules } from "@/lib/reports/report-schedules";
import { ReportTable } from "@/components/reports/report-table";
import { AbcXyzMatrix } from "@/components/reports/abc-xyz-matrix";
import { AgeingChart } from "@/components/reports/ageing-chart";
import { ShrinkageChart } from "@/components/reports/shrinkage-chart";
import { SupplierPerformanceChart } from "@/components/reports/supplier-performance-chart";
import { ValuationChart } from "@/components/reports/valuation-chart";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { Forbidden, ValidationFailed, type FieldIssue } from "@/lib/domain-error";
import type { ReportRow } from "@/lib/reports/report";
import { findReport } from "@/lib/reports/registry";
import { runReport, type ReportAnswer } from "@/lib/reports/run-report";
import { listSites } from "@/lib/sites/list-sites";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The chart of a report where one helps, by report name. */
const CHARTS: Record<string, (props: { rows: ReportRow[] }) => ReactNode> = {
  "supplier-performance": SupplierPerformanceChart,
  shrinkage: ShrinkageChart,
  "abc-xyz": AbcXyzMatrix,
  valuation: ValuationChart,
  ageing: AgeingChart,
};

/** The filters a report ran with, as the text fields a background run is asked with. */
function filterStrings(filters: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== null && value !== "")
      .map(([key, value]) => [key, String(value)]),
  );
}

/** A schedule's filters: each mail has its own period. */
function withoutPeriod({ from: _from, to: _to, ...rest }: Record<string, string>): Record<string, string> {
  return rest;
}

export async function generateMetadata({ params }: Props) {
  return { title: findReport((await params).name)?.title ?? "Report" };
}

export default async function ReportPage({ params, searchParams }: Props) {
  const report = findReport((await params).name);
  if (!report) notFound();
  const actor = await requirePageActor(report.permission);
  // A parameter given twice counts once, by its first value; empty fields of the form count as left out.
  const known = ["from", "to", "site", "category", ...(report.formFields ?? []).map((f) => f.name)];
  const query = Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const);
  const raw = Object.fromEntries(query.filter(([key, value]) => known.includes(key) && value));
  const cursor = query.find(([key]) => key === "cursor")?.[1] || undefined;
  const db = getDb();
  const sites = can(actor, "stock.view") ? await listSites(db, actor) : [];
  let answer: ReportAnswer | null = null;
  let issues: FieldIssue[] = [];
  try {
    // The chart draws the whole answer, also when the table shows one page of it.
    answer = await runReport(db, actor, report.name, raw, { cursor }, { chart: report.name in CHARTS });
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    if (!(error instanceof ValidationFailed)) throw error;
    issues = error.issues;
  }
  const Chart = CHARTS[report.name];
  const maySchedule = can(actor, "reports.schedule");
  const schedules = maySchedule ? (await listReportSchedules(db, actor)).data.filter((s) => s.name === report.name && s.owner === actor.label) : [];
  // The API answers the page's own session, so each export is a plain link with the same filters.
  const withFilters = (extra: Record<string, string>) =>
    answer
      ? new URLSearchParams(
          Object.entries({ ...answer.filters, ...extra })
            .filter(([, value]) => value !== undefined && value !== null && value !== "")
            .map(([key, value]) => [key, String(value)]),
        ).toString()
      : "";
  const exportHref = (format: "csv" | "xlsx" | "pdf") => `/api/v1/reports/${report.name}?${withFilters({ format })}`;

  return (
    <>
      <Breadcrumbs trail={[{ label: "Reports", href: "/reports" }, { label: report.title }]} />
      <PageHeader title={report.title}>
        {answer ? (
          <div className="flex flex-wrap gap-2">
            {(["csv", "xlsx", "pdf"] as const).map((format) => (
              <a
                key={format}
                href={exportHref(format)}
                // The PDF opens in a new tab, to print; the others download.
                {...(format === "pdf" ? { target: "_blank", rel: "noopener" } : { download: true })}
                data-testid={`report-export-${format}`}
                className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium whitespace-nowrap text-brand-700 hover:bg-slate-100"
              >
                Export {format.toUpperCase()}
              </a>
            ))}
          </div>
        ) : null}
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600">{report.description}</p>
      <ReportFilters
        values={answer?.filters ?? raw}
        sites={sites}
        issues={issues}
        usesPeriod={report.usesPeriod !== false}
        fields={report.formFields}
      />
      {answer && report.streamed ? (
        <div className="mb-4">
          <BackgroundRun name={report.name} filters={filterStrings(answer.filters)} />
        </div>
      ) : null}
      {answer && maySchedule ? (
        <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium">E-mail this report regularly</summary>
          <ReportSchedules
            name={report.name}
            filters={withoutPeriod(filterStrings(answer.filters))}
            mailConfigured={isMailConfigured()}
            initial={schedules}
          />
        </details>
      ) : null}
      {!answer ? (
        <EmptyState title="These filters cannot be used">Correct the field marked above and choose Show again.</EmptyState>
      ) : answer.data.length === 0 ? (
        <EmptyState title="Nothing to report for these filters">{report.emptyText}</EmptyState>
      ) : (
        <div className="space-y-4">
          {Chart ? (
            <Card title="At a glance">
              <Chart rows={answer.chart ?? answer.data} />
            </Card>
          ) : null}
          <p className="text-sm text-slate-600" aria-live="polite" data-testid="report-count">
            {answer.data.length.toLocaleString("en")} {answer.data.length === 1 ? "row" : "rows"}
            {cursor || answer.next ? (cursor ? " (a later page)" : " (the first page)") : ""}
            {/* A report of one day (the valuation) names it; today's stock says today. */}
            {"asOf" in answer.filters
              ? ` · as of the end of ${String(answer.filters.asOf)}`
              : report.usesPeriod === false
                ? " · today"
                : ` · ${answer.filters.from} to ${answer.filters.to}`}
            {answer.filters.site ? ` · ${answer.filters.site}` : ""}
          </p>
          <ReportTable columns={answer.columns} rows={answer.data} />
          {answer.next ? (
            <p className="text-sm text-slate-600">
              {/* Long reports show a page at a time; the exports above hold every row. */}
              <a
                href={`/reports/${report.name}?${withFilters({ cursor: answer.next })}`}
                data-testid="report-next-page"
                className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
              >
                Next rows
              </a>{" "}
              · the exports hold every row
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
