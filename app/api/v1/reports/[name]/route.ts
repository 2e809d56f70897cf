import { apiRoute } from "@/lib/http/api-route";
import { csvAnswer, xlsxAnswer } from "@/lib/http/edge-answers";
import { runReportOp } from "@/lib/reports/operations";
import { reportCsv } from "@/lib/reports/report-csv";
import { reportXlsxStream } from "@/lib/reports/report-xlsx";
import { exportReport, runReport } from "@/lib/reports/run-report";

export const GET = apiRoute(runReportOp, async ({ db, actor, params, query }) => {
  const { format, cursor, limit, ...filters } = query;
  if (format === "json") return runReport(db, actor, params.name, filters, { cursor, limit });
  // Checked (404, 403, 422) before the first byte; the rows are then read as the download is.
  const report = await exportReport(db, actor, params.name, filters);
  return format === "csv"
    ? csvAnswer(reportCsv(report.columns, report.pages), report.name)
    : xlsxAnswer(reportXlsxStream(report.columns, report.pages, report.title), report.name);
});
