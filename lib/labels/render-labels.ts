import { designLabel } from "./design-label";
import { FormatTakesOneLabel } from "./errors";
import type { LabelSubject } from "./label-subject";
import { renderBarcode } from "./render-barcode";
import { renderLabelPdf } from "./render-label-pdf";
import { renderLabelZpl } from "./render-label-zpl";
import type { LabelFormat, LabelSize } from "./schemas";

/** A rendered file and how to hand it over: PDFs and PNGs open in the browser, ZPL downloads. */
export type LabelFile = { body: Uint8Array | string; contentType: string; fileName: string; inline: boolean };

/**
 * Renders labels in one format. PDF defaults to A4 sheets and ZPL to 4×6 in; a PNG is one label, its first
 * barcode with the text under it. ZPL goes as text/plain: there is no registered media type for it, and
 * printer tools and browsers all take plain text.
 */
export async function renderLabels(
  subjects: LabelSubject[],
  options: { format: LabelFormat; size?: LabelSize; baseName: string },
): Promise<LabelFile> {
  const designs = subjects.map(designLabel);
  switch (options.format) {
    case "pdf":
      return {
        body: await renderLabelPdf(designs, options.size ?? "a4"),
        contentType: "application/pdf",
        fileName: `${options.baseName}.pdf`,
        inline: true,
      };
    case "zpl":
      return {
        body: renderLabelZpl(designs, options.size ?? "4x6"),
        contentType: "text/plain; charset=utf-8",
        fileName: `${options.baseName}.zpl`,
        inline: false,
      };
    case "png": {
      if (designs.length !== 1) throw new FormatTakesOneLabel(designs.length);
      const png = await renderBarcode(designs[0].symbols[0], { textUnder2d: true });
      return { body: new Uint8Array(png), contentType: "image/png", fileName: `${options.baseName}.png`, inline: true };
    }
  }
}
