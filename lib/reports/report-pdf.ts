import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { encodable } from "../labels/pdf-text";
import type { ColumnType, ReportColumn, ReportFilters, ReportRow, ReportValue } from "./report";

/** A4 in points; a table of more than PORTRAIT_MAX_COLUMNS columns is printed across the long side. */
const A4: readonly [number, number] = [595.28, 841.89];
const PORTRAIT_MAX_COLUMNS = 6;
const MARGIN = 36;
const FONT_SIZE = 8;
const ROW_HEIGHT = 12;
/** Title, filters and generated-at lines, then the column header, on every page. */
const HEADER_HEIGHT = 58;
const FOOTER_HEIGHT = 18;
const CELL_PADDING = 3;

/**
 * A PDF is for printing, and pdf-lib holds the whole document in memory: past this many rows it stops and says
 * so on the last page (the CSV and XLSX downloads hold every row).
 */
export const PDF_MAX_ROWS = 10_000;

export type ReportPdfHead = { title: string; filters: ReportFilters & Record<string, unknown>; generatedAt: Date };

/** How wide a column of each type is, relative to the others, before the table is scaled to the page. */
const TYPE_WEIGHT: Record<ColumnType, number> = { text: 2, timestamp: 1.7, date: 1.2, integer: 1, decimal: 1.2, percent: 0.9 };
const RIGHT_ALIGNED: ReadonlySet<ColumnType> = new Set(["integer", "decimal", "percent"]);

export type PdfLayout = { size: [number, number]; landscape: boolean; rowsPerPage: number };

/** The page size and the rows a page holds for a table of these columns (also what the tests count pages by). */
export function pdfLayout(columns: readonly ReportColumn[]): PdfLayout {
  const landscape = columns.length > PORTRAIT_MAX_COLUMNS;
  const size: [number, number] = landscape ? [A4[1], A4[0]] : [A4[0], A4[1]];
  const rowsPerPage = Math.floor((size[1] - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT) / ROW_HEIGHT);
  return { size, landscape, rowsPerPage };
}

/**
 * A report as a printable table: on every page the title, the filters it ran with, when it was generated and the
 * column labels; numbers right-aligned and formatted for reading (money kept exact, as the API sends it); text cut
 * with an ellipsis to its column; "Page n of N" at the foot. Standard fonts only (Helvetica, WinAnsi): a character
 * they cannot print shows as "?", as on the labels and purchase orders.
 */
export async function reportPdf(
  head: ReportPdfHead,
  columns: readonly ReportColumn[],
  pages: AsyncIterable<readonly ReportRow[]>,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(head.title);
  pdf.setCreator("Stockroom");
  pdf.setCreationDate(head.generatedAt);
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const table = new PdfTable(pdf, fonts, head, columns);
  let written = 0;
  let cut = false;
  outer: for await (const rows of pages) {
    for (const row of rows) {
      if (written === PDF_MAX_ROWS) {
        cut = true;
        break outer;
      }
      table.row(row);
      written++;
    }
  }
  if (written === 0) table.note("No rows for these filters.");
  if (cut) table.note(`Only the first ${PDF_MAX_ROWS.toLocaleString("en")} rows are printed: the CSV and XLSX downloads hold every row.`);
  table.numberPages();
  return pdf.save();
}

class PdfTable {
  private readonly layout: PdfLayout;
  private readonly widths: number[];
  private page: PDFPage | null = null;
  private y = 0;
  private rowsOnPage = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly head: ReportPdfHead,
    private readonly columns: readonly ReportColumn[],
  ) {
    this.layout = pdfLayout(columns);
    const available = this.layout.size[0] - 2 * MARGIN;
    const weights = columns.map((c) => TYPE_WEIGHT[c.type]);
    const total = weights.reduce((sum, w) => sum + w, 0) || 1;
    this.widths = weights.map((w) => (w / total) * available);
  }

  row(row: ReportRow) {
    this.lineSpace();
    this.cells(
      this.columns.map((c) => formatPdfValue(row[c.key] ?? null, c.type)),
      this.fonts.regular,
    );
  }

  note(text: string) {
    this.lineSpace();
    this.text(text, MARGIN, this.y, this.fonts.regular, this.layout.size[0] - 2 * MARGIN);
  }

  /** "Page n of N" on every page, once N is known. */
  numberPages() {
    const pages = this.pdf.getPages();
    pages.forEach((page, index) => {
      const label = `Page ${index + 1} of ${pages.length}`;
      const width = this.fonts.regular.widthOfTextAtSize(label, FONT_SIZE);
      page.drawText(label, { x: this.layout.size[0] - MARGIN - width, y: MARGIN, size: FONT_SIZE, font: this.fonts.regular });
    });
  }

  /** Moves down one row, onto a new page (with its header) when this one is full or there is none yet. */
  private lineSpace() {
    if (!this.page || this.rowsOnPage === this.layout.rowsPerPage) this.newPage();
    this.y -= ROW_HEIGHT;
    this.rowsOnPage++;
  }

  private newPage() {
    const [width, height] = this.layout.size;
    this.page = this.pdf.addPage([width, height]);
    this.rowsOnPage = 0;
    const top = height - MARGIN;
    this.text(this.head.title, MARGIN, top - 14, this.fonts.bold, width - 2 * MARGIN, 14);
    this.text(`Filters: ${describeFilters(this.head.filters)}`, MARGIN, top - 28, this.fonts.regular, width - 2 * MARGIN);
    this.text(`Generated ${formatInstant(this.head.generatedAt.toISOString())}`, MARGIN, top - 39, this.fonts.regular, width - 2 * MARGIN);
    this.y = top - HEADER_HEIGHT + ROW_HEIGHT;
    this.cells(
      this.columns.map((c) => c.label),
      this.fonts.bold,
    );
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 3 },
      end: { x: width - MARGIN, y: this.y - 3 },
      thickness: 0.5,
      color: rgb(0.4, 0.4, 0.4),
    });
  }

  private cells(values: string[], font: PDFFont) {
    let x = MARGIN;
    values.forEach((value, index) => {
      const width = this.widths[index];
      const inner = width - 2 * CELL_PADDING;
      const text = fit(font, encodable(font, value), inner);
      const right = RIGHT_ALIGNED.has(this.columns[index].type);
      const offset = right ? inner - font.widthOfTextAtSize(text, FONT_SIZE) : 0;
      this.page!.drawText(text, { x: x + CELL_PADDING + offset, y: this.y, size: FONT_SIZE, font });
      x += width;
    });
  }

  private text(value: string, x: number, y: number, font: PDFFont, maxWidth: number, size = FONT_SIZE) {
    this.page!.drawText(fit(font, encodable(font, value), maxWidth, size), { x, y, size, font });
  }
}

/** The text cut to `width` points, ending in "..." when it was cut. */
function fit(font: PDFFont, text: string, width: number, size = FONT_SIZE): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let end = text.length;
  while (end > 0 && font.widthOfTextAtSize(`${text.slice(0, end)}...`, size) > width) end--;
  return `${text.slice(0, end)}...`;
}

const integerFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 4 });
const percentFormat = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

/** A value as printed: numbers grouped, a share as a percent, an instant to the minute in UTC; money exact as sent. */
export function formatPdfValue(value: ReportValue, type: ColumnType): string {
  if (value === null || value === "") return "";
  if (type === "timestamp" && typeof value === "string") return formatInstant(value);
  if (typeof value === "string") return value;
  if (type === "integer") return integerFormat.format(value);
  if (type === "percent") return percentFormat.format(value);
  return decimalFormat.format(value);
}

function formatInstant(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** "from 2026-01-01 to 2026-03-31, site WH1, kind issue": the filters given, in the order the report took them. */
export function describeFilters(filters: Record<string, unknown>): string {
  const parts: string[] = [];
  if (filters.from && filters.to) parts.push(`from ${String(filters.from)} to ${String(filters.to)}`);
  for (const [key, value] of Object.entries(filters)) {
    if (key === "from" || key === "to" || value === undefined || value === null || value === "") continue;
    parts.push(`${key} ${String(value)}`);
  }
  return parts.length > 0 ? parts.join(", ") : "none";
}
