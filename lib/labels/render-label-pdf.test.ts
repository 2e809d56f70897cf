import { PDFDict, PDFDocument, PDFName, PDFStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { designLabel } from "./design-label";
import type { LabelSubject } from "./label-subject";
import { renderLabelPdf } from "./render-label-pdf";

const MM = 72 / 25.4;

const items = (count: number): LabelSubject[] =>
  Array.from({ length: count }, (_, i) => ({ kind: "item", sku: `SKU-${i}`, name: `Item number ${i}`, gtin: null }));

/** Per page: its size in mm and how many images are drawn on it. */
async function pagesOf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    const images = (xObjects?.keys() ?? []).filter((key) => xObjects?.lookup(key, PDFStream).dict.get(PDFName.of("Subtype")) === PDFName.of("Image"));
    const { width, height } = page.getSize();
    return { mm: [Math.round(width / MM), Math.round(height / MM)], images: images.length };
  });
}

describe("renderLabelPdf", () => {
  it("fills A4 sheets of 3×8 labels, one barcode image each", async () => {
    const pages = await pagesOf(await renderLabelPdf(items(30).map(designLabel), "a4"));
    expect(pages).toEqual([
      { mm: [210, 297], images: 24 },
      { mm: [210, 297], images: 6 },
    ]);
  });

  it("puts one label per 4×6 in page, both barcodes of a bin on it", async () => {
    const bins: LabelSubject[] = [1, 2, 3].map((n) => ({ kind: "bin", code: `WH1-A-0${n}`, name: `Bin ${n}` }));
    const pdf = await PDFDocument.load(await renderLabelPdf(bins.map(designLabel), "4x6"));
    expect(pdf.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual([
      [288, 432],
      [288, 432],
      [288, 432],
    ]);
    expect((await pagesOf(await renderLabelPdf(bins.map(designLabel), "4x6"))).map((p) => p.images)).toEqual([2, 2, 2]);
  });

  it("makes 62×100 mm pages for the 62 mm roll", async () => {
    expect(await pagesOf(await renderLabelPdf(items(2).map(designLabel), "62mm"))).toEqual([
      { mm: [62, 100], images: 1 },
      { mm: [62, 100], images: 1 },
    ]);
  });

  it("prints a name the standard font cannot encode with stand-ins instead of failing", async () => {
    const design = designLabel({ kind: "item", sku: "ŁÓDŹ-1", name: "Łódź 東京 ☃ café", gtin: null });
    expect((await pagesOf(await renderLabelPdf([design], "a4"))).length).toBe(1);
  });
});
