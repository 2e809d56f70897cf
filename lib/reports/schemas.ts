import { z } from "zod";
import { codeField } from "../contract/code-field";
import { COLUMN_TYPES, DEFAULT_PERIOD_DAYS, isoDay } from "./report";

export const reportName = z.string().regex(/^[a-z0-9-]{1,64}$/, "A report name such as supplier-performance");

export const reportColumn = z
  .object({
    key: z.string().describe("The member of each row of `data`, and the CSV's column name"),
    label: z.string(),
    type: z
      .enum(COLUMN_TYPES)
      .describe(
        "percent: a share 0..1; decimal: a number, or an exact decimal string for money; date: YYYY-MM-DD; timestamp: an ISO 8601 instant (UTC)",
      ),
    description: z.string().optional(),
  })
  .meta({ id: "ReportColumn" });

/** The reports that can pass 10,000 rows and so answer JSON a page at a time (their `streamed`, lib/reports/report.ts). */
export const PAGED_REPORTS = "movements, stock-on-hand, valuation, abc-xyz, turnover, ageing, dead-stock, expiring";

const reportValue = z.union([z.string(), z.number(), z.null()]);

export const reportAnswer = z
  .object({
    name: z.string(),
    title: z.string(),
    filters: z
      .object({ from: z.string(), to: z.string(), site: z.string().optional(), category: z.string().optional() })
      .describe("The filters the report ran with, defaults filled in"),
    columns: z.array(reportColumn),
    data: z.array(z.record(z.string(), reportValue)).describe("One object per row, keyed by the columns' keys; numbers are numbers"),
    next: z
      .string()
      .nullable()
      .describe(
        `For a report answered a page at a time (${PAGED_REPORTS}): send as \`cursor\` for the rows that follow; null on the last page and for every other report`,
      ),
  })
  .meta({ id: "Report" });

/** The page of a streamed report that JSON answers; the other reports answer every row and ignore it. */
export const reportPage = z.object({
  cursor: z
    .string()
    // Opaque: each streamed report reads its own (lib/reports/report.ts), and refuses on this field what it cannot.
    .regex(/^[A-Za-z0-9_-]{1,1024}$/, "Pass `next` of the previous page as it was")
    .optional()
    .describe(`\`next\` of the previous page, as it was, for the reports that answer a page at a time (${PAGED_REPORTS})`),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe("Rows per page for the reports that answer a page at a time (movements, stock-on-hand): 1,000 when left out"),
});
export const reportQuery = reportPage
  .extend({
    from: isoDay.optional().describe(`First day counted (UTC, YYYY-MM-DD); ${DEFAULT_PERIOD_DAYS} days up to \`to\` when left out`),
    to: isoDay.optional().describe("Last day counted (UTC, YYYY-MM-DD); today when left out"),
    site: codeField.optional().describe("Only this site; every site of the caller when left out. A site outside the caller's scope is 403"),
    category: z.string().trim().min(1).optional().describe("Only this category, for the reports that take it"),
    format: z
      .enum(["json", "csv", "xlsx", "pdf"])
      .default("json")
      .describe(
        "json; csv or xlsx: the same columns and numbers as a download (every row, streamed, also for the reports JSON answers a page at a time); " +
          "pdf: a printable table (at most 10,000 rows)",
      ),
  })
  // A report's own filters (withinDays, sku, kind, by…) pass through to it and are checked there.
  .loose();
