import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPagesText } from "../../tests/factories/pdf-text";
import type { ReportColumn, ReportRow } from "./report";
import { describeFilters, formatPdfValue, PDF_MAX_ROWS, pdfLayout, reportPdf } from "./report-pdf";

const narrow: ReportColumn[] = [
  { key: "sku", label: "SKU", type: "text" },
  { key: "units", label: "Units", type: "integer" },
  { key: "value", label: "Value", type: "decimal" },
  { key: "share", label: "Share", type: "percent" },
];
const wide: ReportColumn[] = [
  ...narrow,
  { key: "on", label: "On", type: "date" },
  { key: "at", label: "At", type: "timestamp" },
  { key: "note", label: "Note", type: "text" },
];
const head = {
  title: "Stock on hand",
  filters: { from: "2026-01-01", to: "2026-03-31", site: "WH1" },
  generatedAt: new Date("2026-04-01T08:30:00Z"),
};

function rows(count: number): ReportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${i + 1}`,
    units: 1000 + i,
    value: "1234.5000",
    share: 0.125,
    on: "2026-03-01",
    at: "2026-03-01T10:15:00.000Z",
    note: "a note",
  }));
}

async function* pagesOf(all: ReportRow[], size = 7) {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

describe("report PDF", () => {
  it.each([0, 1, 57, 58, 114, 115, 250])("%i rows print on the pages the layout says, each numbered, with the header repeated", async (count) => {
    const { rowsPerPage, landscape } = pdfLayout(narrow);
    expect(landscape).toBe(false);
    expect(rowsPerPage).toBe(57);
    const bytes = await reportPdf(head, narrow, pagesOf(rows(count)));
    const pdf = await PDFDocument.load(bytes);
    const pages = Math.max(1, Math.ceil(count / rowsPerPage));
    expect(pdf.getPageCount()).toBe(pages);
    expect(pdf.getTitle()).toBe("Stock on hand");
    const text = await pdfPagesText(bytes);
    text.forEach((lines, index) => {
      expect(lines).toContain("Stock on hand");
      expect(lines).toContain("Filters: from 2026-01-01 to 2026-03-31, site WH1");
      expect(lines).toContain("Generated 2026-04-01 08:30 UTC");
      expect(lines).toEqual(expect.arrayContaining(["SKU", "Units", "Value", "Share"]));
      expect(lines).toContain(`Page ${index + 1} of ${pages}`);
    });
    // Every row once, in order, across the pages.
    const skus = text.flat().filter((line) => /^SKU-\d+$/.test(line));
    expect(skus).toEqual(rows(count).map((row) => row.sku));
    if (count === 0) expect(text[0]).toContain("No rows for these filters.");
  });

  it("prints numbers for reading, right-aligned in their column", async () => {
    const bytes = await reportPdf(head, narrow, pagesOf(rows(1)));
    const lines = (await pdfPagesText(bytes))[0];
    expect(lines).toEqual(expect.arrayContaining(["1,000", "1234.5000", "12.5%"]));
    expect(formatPdfValue(0.5, "percent")).toBe("50%");
    expect(formatPdfValue("2026-03-01T10:15:42.000Z", "timestamp")).toBe("2026-03-01 10:15 UTC");
    expect(formatPdfValue(null, "integer")).toBe("");
  });

  it("turns to landscape past six columns, and fewer rows fit a page", async () => {
    const layout = pdfLayout(wide);
    expect(layout.landscape).toBe(true);
    expect(layout.size[0]).toBeGreaterThan(layout.size[1]);
    expect(layout.rowsPerPage).toBeLessThan(pdfLayout(narrow).rowsPerPage);
    const count = layout.rowsPerPage * 2 + 1;
    const pdf = await PDFDocument.load(await reportPdf(head, wide, pagesOf(rows(count))));
    expect(pdf.getPageCount()).toBe(3);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeGreaterThan(height);
  });

  it("stops at the row limit and says so", async () => {
    const bytes = await reportPdf(head, narrow, pagesOf(rows(PDF_MAX_ROWS + 5), 2000));
    const text = await pdfPagesText(bytes);
    expect(text.flat().filter((line) => /^SKU-\d+$/.test(line))).toHaveLength(PDF_MAX_ROWS);
    expect(text.at(-1)!.join(" ")).toContain("Only the first 10,000 rows are printed");
  }, 60_000);

  it("describes the filters given, period first", () => {
    expect(describeFilters({ from: "2026-01-01", to: "2026-01-31", kind: "issue", sku: undefined })).toBe(
      "from 2026-01-01 to 2026-01-31, kind issue",
    );
    expect(describeFilters({})).toBe("none");
  });
});
