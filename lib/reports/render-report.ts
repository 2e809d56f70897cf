import { PassThrough } from "node:stream";
import { reportCsv } from "./report-csv";
import { reportPdf } from "./report-pdf";
import { writeReportXlsx } from "./report-xlsx";
import type { ReportExport } from "./run-report";

export const REPORT_FILE_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export type ReportFile = { body: Uint8Array; contentType: string; fileName: string };

/** `<name>-<YYYY-MM-DD>.<format>`, the name every download of a report has. */
export function reportFileName(name: string, format: ReportFileFormat, at = new Date()): string {
  return `${name}-${at.toISOString().slice(0, 10)}.${format}`;
}

/**
 * A report exported whole into one file in memory, for what cannot stream to a reader: a PDF, a background run's
 * stored file and a scheduled e-mail's attachment. The bytes are those the streamed CSV and XLSX downloads send.
 */
export async function renderReportFile(
  report: ReportExport,
  format: ReportFileFormat,
  generatedAt = new Date(),
  options: { maxBytes?: number } = {},
): Promise<ReportFile> {
  const maxBytes = options.maxBytes ?? Infinity;
  const tooLarge = () =>
    new Error(`The file would be larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB: narrow the filters (a shorter period, one site)`);
  const head = { contentType: CONTENT_TYPES[format], fileName: reportFileName(report.name, format, generatedAt) };
  if (format === "pdf")
    return { ...head, body: await reportPdf({ title: report.title, filters: report.filters, generatedAt }, report.columns, report.pages) };
  if (format === "csv") {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of reportCsv(report.columns, report.pages)) {
      const bytes = Buffer.from(chunk, "utf8");
      size += bytes.length;
      if (size > maxBytes) throw tooLarge();
      parts.push(bytes);
    }
    return { ...head, body: new Uint8Array(Buffer.concat(parts)) };
  }
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  let size = 0;
  output.on("data", (chunk: Buffer) => {
    size += chunk.length;
    // Destroying the stream stops the writer at its next page (lib/reports/report-xlsx.ts).
    if (size > maxBytes) output.destroy(tooLarge());
    else chunks.push(chunk);
  });
  const ended = new Promise((resolve, reject) => output.on("end", resolve).on("error", reject));
  ended.catch(() => {}); // a failure is answered by the writer below
  try {
    await writeReportXlsx(report.columns, report.pages, output, report.title);
    await ended;
  } catch (error) {
    throw size > maxBytes ? tooLarge() : error;
  }
  return { ...head, body: new Uint8Array(Buffer.concat(chunks)) };
}
