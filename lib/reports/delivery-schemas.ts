import { z } from "zod";
import { REPORT_FILE_FORMATS } from "./render-report";

export const reportFileFormat = z.enum(REPORT_FILE_FORMATS).describe("csv, xlsx or pdf (a PDF prints at most 10,000 rows)");

/** What a background run is asked with: the format and the report's filters, as GET /api/v1/reports/{name} takes them. */
export const reportRunInput = z
  .object({ format: reportFileFormat })
  // The report's filters (from, to, site, category and its own) pass through and are checked by the report.
  .catchall(z.union([z.string(), z.number(), z.boolean()]))
  .describe("`format` and the report's filters (from, to, site, category, and its own such as sku or kind)");

export const REPORT_RUN_STATUSES = ["queued", "running", "done", "failed"] as const;

export const reportRunView = z
  .object({
    id: z.string(),
    name: z.string().describe("The report"),
    format: reportFileFormat,
    filters: z.record(z.string(), z.unknown()).describe("The filters it runs with, defaults filled in"),
    status: z.enum(REPORT_RUN_STATUSES),
    progress: z.number().min(0).max(1).describe("0..1: rows written of the rows the report counted; 1 when done"),
    rows: z.number().int().describe("Rows written so far"),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    downloadUrl: z.string().optional().describe("When done: GET it for the file (the caller who asked, or an admin)"),
    error: z.string().optional().describe("When failed: why"),
  })
  .meta({ id: "ReportRun" });

export const REPORT_CADENCES = ["daily", "weekly", "monthly"] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

export const reportScheduleInput = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, "A report name such as stock-on-hand")
    .describe("The report"),
  format: reportFileFormat,
  filters: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .default({})
    .describe("The report's filters except the period (site, category, and its own): each mail covers the day, ISO week or month just ended"),
  cadence: z
    .enum(REPORT_CADENCES)
    .describe("daily: each day's mail covers yesterday; weekly: each Monday's, last week (ISO); monthly: each 1st's, last month (UTC)"),
  to: z.array(z.email("An e-mail address")).min(1, "At least one address").max(20).describe("Who receives it"),
});
export type ReportScheduleInput = z.input<typeof reportScheduleInput>;

export const reportScheduleView = z
  .object({
    id: z.string(),
    name: z.string(),
    format: reportFileFormat,
    filters: z.record(z.string(), z.unknown()),
    cadence: z.enum(REPORT_CADENCES),
    to: z.array(z.string()),
    owner: z.string().describe("Who made it; the report runs with their access"),
    createdAt: z.string(),
    lastSentAt: z.string().nullable(),
    lastPeriod: z.string().nullable().describe("The day, ISO week or month (UTC) the last mail went in, or it was made in: one mail a period"),
    lastError: z.string().nullable(),
  })
  .meta({ id: "ReportSchedule" });
