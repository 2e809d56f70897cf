import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { reportRunInput, reportRunView, reportScheduleInput, reportScheduleView } from "./delivery-schemas";
import { CONTENT_TYPES } from "./render-report";
import { reportAnswer, reportColumn, reportName, reportQuery } from "./schemas";

export const runReportOp = defineOperation({
  id: "runReport",
  method: "GET",
  path: "/api/v1/reports/{name}",
  tag: "Reports",
  permission: "reports.view",
  summary: "Run a report over a period, as JSON or as a CSV, XLSX or PDF download",
  description:
    "A report may require a further permission of its own (listed by GET /api/v1/reports); each answers rows from the caller's sites only. " +
    "With format=csv the answer is text/csv (UTF-8 with a BOM), a header of the column keys then one line per row, with the same values as the JSON. " +
    "With format=xlsx it is an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet): one sheet, a frozen header row of the column labels, " +
    "numbers as numbers (a percent as a share with a percent format, money with four places), dates and timestamps as date cells (UTC). " +
    "Both downloads stream every row. " +
    "With format=pdf it is a printable A4 table (application/pdf, landscape past six columns): on every page the title, the filters, when it was generated and the column labels, numbers right-aligned, page numbers at the foot; " +
    "it holds at most 10,000 rows and says so when it stops (run a long report in the background, or download CSV or XLSX, for every row). A report that can grow long (movements, stock-on-hand) answers JSON a page at a time: at most `limit` rows and `next`, the `cursor` of the page that follows.",
  params: z.object({ name: reportName }),
  query: reportQuery,
  response: reportAnswer,
  problems: ["not_found"],
});

export const listReportsOp = defineOperation({
  id: "listReports",
  method: "GET",
  path: "/api/v1/reports",
  tag: "Reports",
  permission: "reports.view",
  summary: "The reports the caller may run, with their columns",
  response: z.object({
    data: z.array(z.object({ name: z.string(), title: z.string(), description: z.string(), permission: z.string(), columns: z.array(reportColumn) })),
  }),
});

const runId = z.object({ id: z.string().describe("The run's id") });

export const startReportRunOp = defineOperation({
  id: "startReportRun",
  method: "POST",
  path: "/api/v1/reports/{name}/runs",
  tag: "Reports",
  permission: "reports.view",
  status: 202,
  summary: "Run a report in the background, into a CSV, XLSX or PDF file to download when done",
  description:
    "For long reports (the movement journal over a year): the run is queued and answered at once (status queued, progress 0); an app process works it, " +
    "and GET /api/v1/report-runs/{id} tells its progress until it is done with a `downloadUrl`. The filters are those of GET /api/v1/reports/{name}, " +
    "checked now (404, 403, 422 as there) and kept with their defaults filled in. Only the caller who asked (or an admin) can follow and download it. " +
    "A file may be up to 64 MiB; runs and their files are deleted after 7 days.",
  params: z.object({ name: reportName }),
  body: reportRunInput,
  response: reportRunView,
  problems: ["not_found"],
});

export const getReportRunOp = defineOperation({
  id: "getReportRun",
  method: "GET",
  path: "/api/v1/report-runs/{id}",
  tag: "Reports",
  permission: "reports.view",
  summary: "A background report run: status, progress 0..1, rows so far, and its download link when done",
  description: "404 for a run someone else asked for, unless the caller is an admin.",
  params: runId,
  response: reportRunView,
  problems: ["not_found"],
});

export const downloadReportRunOp = defineOperation({
  id: "downloadReportRun",
  method: "GET",
  path: "/api/v1/report-runs/{id}/download",
  tag: "Reports",
  permission: "reports.view",
  summary: "The file of a finished background report run",
  description: "For the caller who asked for the run, or an admin (404 for anyone else); 409 while the run is not done.",
  params: runId,
  response: z.string().describe("The file, in the format the run was asked for"),
  fileTypes: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, CONTENT_TYPES.pdf],
  problems: ["not_found", "run_not_done"],
});

export const createReportScheduleOp = defineOperation({
  id: "createReportSchedule",
  method: "POST",
  path: "/api/v1/report-schedules",
  tag: "Reports",
  permission: "reports.schedule",
  status: 201,
  summary: "E-mail a report daily, weekly or monthly, as a CSV, XLSX or PDF attachment",
  description:
    "Managers and admins. Each mail covers the period just ended (daily: yesterday; weekly: last ISO week, sent on Monday; monthly: last month, sent on the 1st; UTC), " +
    "so `filters` leave the period out (422 on `filters.from`/`filters.to`); the report runs with its maker's access as it is when sent. " +
    "The first mail goes in the next period; each period's mail goes once, also with several app processes. " +
    "422 naming `to` while mail is not set up (SMTP_URL); a report's refusal of a filter names it under `filters.`.",
  body: reportScheduleInput,
  response: reportScheduleView,
  problems: ["not_found"],
});

export const listReportSchedulesOp = defineOperation({
  id: "listReportSchedules",
  method: "GET",
  path: "/api/v1/report-schedules",
  tag: "Reports",
  permission: "reports.schedule",
  summary: "The caller's report schedules (an admin sees everyone's), with when each last sent",
  response: z.object({ data: z.array(reportScheduleView) }),
});

export const deleteReportScheduleOp = defineOperation({
  id: "deleteReportSchedule",
  method: "DELETE",
  path: "/api/v1/report-schedules/{id}",
  tag: "Reports",
  permission: "reports.schedule",
  summary: "Stop a report schedule (its maker or an admin; 404 for anyone else)",
  params: z.object({ id: z.string() }),
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  problems: ["not_found"],
});
