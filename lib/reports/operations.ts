import { z } from "zod";
import { defineOperation } from "../contract/operation";
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
    "it holds at most 10,000 rows and says so when it stops (run a long report in the background, or download CSV or XLSX, for every row). A report that can grow long (movements) answers JSON a page at a time: at most `limit` rows and `next`, the `cursor` of the page that follows.",
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
