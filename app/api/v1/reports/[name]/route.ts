import { apiRoute } from "@/lib/http/api-route";
import { csvAnswer } from "@/lib/http/edge-answers";
import { runReportOp } from "@/lib/reports/operations";
import { reportCsv } from "@/lib/reports/report-csv";
import { runReport } from "@/lib/reports/run-report";

export const GET = apiRoute(runReportOp, async ({ db, actor, params, query }) => {
  const { format, ...filters } = query;
  const report = await runReport(db, actor, params.name, filters);
  return format === "csv" ? csvAnswer(reportCsv(report.columns, report.data), report.name) : report;
});
