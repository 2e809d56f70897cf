import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { reportAnswer, reportColumn, reportName, reportQuery } from "./schemas";

export const runReportOp = defineOperation({
  id: "runReport",
  method: "GET",
  path: "/api/v1/reports/{name}",
  tag: "Reports",
  permission: "reports.view",
  summary: "Run a report over a period, as JSON or as a CSV download",
  description:
    "A report may require a further permission of its own (listed by GET /api/v1/reports); each answers rows from the caller's sites only. " +
    "With format=csv the answer is text/csv (UTF-8 with a BOM), a header of the column keys then one line per row, with the same values as the JSON.",
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
