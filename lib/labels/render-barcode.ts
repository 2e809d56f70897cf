import bwipjs from "bwip-js/node";
import type { LabelSymbol } from "./design-label";

const IS_LINEAR: Record<LabelSymbol["symbology"], boolean> = { ean13: true, code128: true, "gs1-128": true, qrcode: false, gs1datamatrix: false };

/**
 * A barcode as a PNG, black on a white ground that includes the quiet zone (so it scans on any label stock).
 * Linear symbols print their human-readable text under the bars; `textUnder2d` does the same for QR and
 * DataMatrix (a PNG stands alone; on a PDF or ZPL label the text lines say it already).
 * Scale 3 px per module keeps modules crisp when a PDF shrinks the image into a label.
 */
export async function renderBarcode(symbol: LabelSymbol, options: { textUnder2d?: boolean } = {}): Promise<Buffer> {
  const isLinear = IS_LINEAR[symbol.symbology];
  return bwipjs.toBuffer({
    bcid: symbol.symbology,
    text: symbol.data,
    scale: 3,
    ...(isLinear ? { height: 12, includetext: true, textxalign: "center" as const } : {}),
    ...(!isLinear && options.textUnder2d ? { includetext: true, alttext: symbol.data, textxalign: "center" as const } : {}),
    paddingwidth: 10,
    paddingheight: 4,
    backgroundcolor: "FFFFFF",
  });
}
