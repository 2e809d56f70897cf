import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { LabelDesign } from "./design-label";
import { renderBarcode } from "./render-barcode";
import type { LabelSize } from "./schemas";
import { encodable } from "./pdf-text";

const MM = 72 / 25.4;

type Sheet = { page: [number, number]; columns: number; rows: number; label: [number, number]; top: number; fontSize: number };

/**
 * A4: the common 3×8 sheet of 70×37 mm labels (3 × 70 = 210 mm wide, 8 × 37 = 296 mm tall, so 0.5 mm spare at
 * the top). 4x6 in and 62 mm (62×100 mm, the die-cut size of 62 mm roll printers) carry one label per page.
 */
const SHEETS: Record<LabelSize, Sheet> = {
  a4: { page: [210 * MM, 297 * MM], columns: 3, rows: 8, label: [70 * MM, 37 * MM], top: 0.5 * MM, fontSize: 7 },
  "4x6": { page: [288, 432], columns: 1, rows: 1, label: [288, 432], top: 0, fontSize: 16 },
  "62mm": { page: [62 * MM, 100 * MM], columns: 1, rows: 1, label: [62 * MM, 100 * MM], top: 0, fontSize: 11 },
};

type Box = { x: number; y: number; width: number; height: number };

function fitted(font: PDFFont, text: string, size: number, width: number): string {
  let shown = encodable(font, text);
  if (font.widthOfTextAtSize(shown, size) <= width) return shown;
  while (shown.length > 1 && font.widthOfTextAtSize(`${shown}…`, size) > width) shown = shown.slice(0, -1);
  return `${shown}…`;
}

async function drawLabel(pdf: PDFDocument, page: PDFPage, fonts: [PDFFont, PDFFont], design: LabelDesign, box: Box, fontSize: number) {
  const pad = Math.min(box.width, box.height) * 0.07;
  const inner = { x: box.x + pad, y: box.y + pad, width: box.width - 2 * pad, height: box.height - 2 * pad };
  let top = inner.y + inner.height;
  design.lines.forEach((line, i) => {
    const [font, size] = i === 0 ? [fonts[0], fontSize * 1.15] : [fonts[1], fontSize];
    top -= size * 1.2;
    page.drawText(fitted(font, line, size, inner.width), { x: inner.x, y: top + size * 0.2, size, font });
  });
  const area = { ...inner, height: top - inner.y - fontSize * 0.4 };
  // Side by side on a wide label, stacked on a tall one; a linear symbol takes the larger share either way.
  const isWide = area.width >= area.height;
  const shares = design.symbols.length === 1 ? [1] : isWide ? [0.62, 0.38] : [0.4, 0.6];
  let offset = 0;
  for (const [i, symbol] of design.symbols.entries()) {
    const image = await pdf.embedPng(await renderBarcode(symbol));
    const cell = isWide
      ? { x: area.x + offset * area.width, y: area.y, width: area.width * shares[i], height: area.height }
      : { x: area.x, y: area.y + area.height * (1 - offset - shares[i]), width: area.width, height: area.height * shares[i] };
    offset += shares[i];
    const scale = Math.min(cell.width / image.width, cell.height / image.height);
    const [width, height] = [image.width * scale, image.height * scale];
    page.drawImage(image, { x: cell.x + (cell.width - width) / 2, y: cell.y + (cell.height - height) / 2, width, height });
  }
}

/** Labels as a PDF: A4 sheets filled row by row, or one label per page on label-sized paper. */
export async function renderLabelPdf(designs: LabelDesign[], size: LabelSize): Promise<Uint8Array> {
  const sheet = SHEETS[size];
  const pdf = await PDFDocument.create();
  pdf.setTitle(designs.length === 1 ? `Label ${designs[0].name}` : `${designs.length} labels`);
  pdf.setProducer("Stockroom");
  const fonts: [PDFFont, PDFFont] = [await pdf.embedFont(StandardFonts.HelveticaBold), await pdf.embedFont(StandardFonts.Helvetica)];
  const perPage = sheet.columns * sheet.rows;
  for (const [index, design] of designs.entries()) {
    const slot = index % perPage;
    const page = slot === 0 ? pdf.addPage(sheet.page) : pdf.getPage(pdf.getPageCount() - 1);
    const [column, row] = [slot % sheet.columns, Math.floor(slot / sheet.columns)];
    const [width, height] = sheet.label;
    const box = { x: column * width, y: sheet.page[1] - sheet.top - (row + 1) * height, width, height };
    await drawLabel(pdf, page, fonts, design, box, sheet.fontSize);
  }
  return pdf.save();
}
