import { apiRoute } from "@/lib/http/api-route";
import { csvAnswer, fileAnswer, xlsxAnswer } from "@/lib/http/edge-answers";
import { runReportOp } from "@/lib/reports/operations";
import { renderReportFile } from "@/lib/reports/render-report";
import { reportCsv } from "@/lib/reports/report-csv";
import { reportXlsxStream } from "@/lib/reports/report-xlsx";
import { exportReport, runReport } from "@/lib/reports/run-report";

export const GET = apiRoute(runReportOp, async ({ db, actor, params, query }) => {
  const { format, cursor, limit, ...filters } = query;
  if (format === "json") return runReport(db, actor, params.name, filters, { cursor, limit });
  // Checked (404, 403, 422) before the first byte; the rows are then read as the download is.
  const report = await exportReport(db, actor, params.name, filters);
  if (format === "csv") return csvAnswer(reportCsv(report.columns, report.pages), report.name);
  if (format === "xlsx") return xlsxAnswer(reportXlsxStream(report.columns, report.pages, report.title), report.name);
  // A PDF is laid out whole before it is sent; it opens in the browser, to print.
  return fileAnswer(renderReportFile(report, "pdf").then((file) => ({ ...file, inline: true })));
});
