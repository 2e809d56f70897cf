import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from "@zxing/library";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { gs1CheckDigit } from "../gs1/check-digit";
import { parseGs1 } from "../gs1/parse-element-string";
import { designLabel } from "./design-label";
import type { LabelSubject } from "./label-subject";
import { renderBarcode } from "./render-barcode";
import { renderLabels } from "./render-labels";

const withCheckDigit = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;
const GTIN13 = withCheckDigit("950600013435"); // 9506000134352
const SSCC = withCheckDigit("03400001234567890"); // 18 digits

/** Reads a PNG back as a scanner would: grey levels (over white where transparent) into ZXing. */
function decode(png: Buffer, format: BarcodeFormat, isGs1 = false): { text: string; format: BarcodeFormat } {
  const image = PNG.sync.read(png);
  const grey = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < grey.length; i++) {
    const [r, g, b, a] = image.data.subarray(i * 4, i * 4 + 4);
    grey[i] = Math.round(255 - (a / 255) * (255 - (0.299 * r + 0.587 * g + 0.114 * b)));
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, image.width, image.height)));
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.ASSUME_GS1, isGs1],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const result = new MultiFormatReader().decode(bitmap, hints);
  return { text: result.getText(), format: result.getBarcodeFormat() };
}

async function scanned(subject: LabelSubject, symbol = 0, format: BarcodeFormat, isGs1 = false) {
  return decode(await renderBarcode(designLabel(subject).symbols[symbol]), format, isGs1);
}

/** Scanned GS1 data as AI → value, through the same parser a scan at the counter goes through. */
function gs1Elements(text: string) {
  return Object.fromEntries(parseGs1(text).elements.map((e) => [e.ai, e.value]));
}

const item = { sku: "SKU-1", name: "Cordless drill" };

describe("barcodes on labels scan back to what they stand for", () => {
  it("an item with a GTIN-13 carries it as an EAN-13", async () => {
    expect(await scanned({ kind: "item", ...item, gtin: `0${GTIN13}` }, 0, BarcodeFormat.EAN_13)).toEqual({
      text: GTIN13,
      format: BarcodeFormat.EAN_13,
    });
  });

  it("an item with a GTIN-14 carries it as GS1-128 with AI 01", async () => {
    const gtin14 = withCheckDigit(`1${GTIN13.slice(0, 12)}`);
    const { text } = await scanned({ kind: "item", ...item, gtin: gtin14 }, 0, BarcodeFormat.CODE_128, true);
    expect(text.startsWith("]C1")).toBe(true);
    expect(gs1Elements(text)).toEqual({ "01": gtin14 });
  });

  it("an item without a GTIN carries its SKU as Code 128", async () => {
    expect(await scanned({ kind: "item", ...item, gtin: null }, 0, BarcodeFormat.CODE_128)).toEqual({
      text: "SKU-1",
      format: BarcodeFormat.CODE_128,
    });
  });

  it("a bin carries its code as Code 128 and as QR", async () => {
    const bin: LabelSubject = { kind: "bin", code: "WH1-A-01-03", name: "Aisle A, rack 1, shelf 3" };
    expect((await scanned(bin, 0, BarcodeFormat.CODE_128)).text).toBe("WH1-A-01-03");
    expect(await scanned(bin, 1, BarcodeFormat.QR_CODE)).toEqual({ text: "WH1-A-01-03", format: BarcodeFormat.QR_CODE });
  });

  it("a lot carries GTIN, expiry and lot number as GS1-128", async () => {
    const lot: LabelSubject = { kind: "lot", ...item, gtin: `0${GTIN13}`, lot: "L-2031/7", expiresOn: new Date("2031-01-31T00:00:00Z") };
    const { text, format } = await scanned(lot, 0, BarcodeFormat.CODE_128, true);
    expect(format).toBe(BarcodeFormat.CODE_128);
    expect(text.startsWith("]C1")).toBe(true);
    expect(gs1Elements(text)).toEqual({ "01": `0${GTIN13}`, "17": "310131", "10": "L-2031/7" });
  });

  it("a lot without an expiry date carries GTIN and lot number", async () => {
    const { text } = await scanned({ kind: "lot", ...item, gtin: `0${GTIN13}`, lot: "ABC", expiresOn: null }, 0, BarcodeFormat.CODE_128, true);
    expect(gs1Elements(text)).toEqual({ "01": `0${GTIN13}`, "10": "ABC" });
  });

  it("a serial carries GTIN and serial number as GS1 DataMatrix", async () => {
    const serial: LabelSubject = { kind: "serial", ...item, gtin: `0${GTIN13}`, serial: "SN-0042_b" };
    const { text, format } = await scanned(serial, 0, BarcodeFormat.DATA_MATRIX, true);
    expect(format).toBe(BarcodeFormat.DATA_MATRIX);
    expect(gs1Elements(text)).toEqual({ "01": `0${GTIN13}`, "21": "SN-0042_b" });
  });

  it("lots and serials of an item without a GTIN fall back to the SKU as Code 128, the number in text", async () => {
    const design = designLabel({ kind: "serial", ...item, gtin: null, serial: "SN-1" });
    expect(design.lines).toContain("S/N SN-1");
    expect(decode(await renderBarcode(design.symbols[0]), BarcodeFormat.CODE_128).text).toBe("SKU-1");
  });

  it("a lot number GS1 cannot carry (a space) falls back to Code 128 rather than print an invalid symbol", () => {
    expect(designLabel({ kind: "lot", ...item, gtin: `0${GTIN13}`, lot: "LOT 7", expiresOn: null }).symbols).toEqual([
      { symbology: "code128", data: "SKU-1" },
    ]);
  });

  it("an SSCC is a GS1-128 with AI 00", async () => {
    const { text } = await scanned({ kind: "sscc", sscc: SSCC }, 0, BarcodeFormat.CODE_128, true);
    expect(text.startsWith("]C1")).toBe(true);
    expect(gs1Elements(text)).toEqual({ "00": SSCC });
  });

  it("a PNG label is its first barcode with the text under it, and still scans", async () => {
    const file = await renderLabels([{ kind: "serial", ...item, gtin: `0${GTIN13}`, serial: "SN-9" }], { format: "png", baseName: "label" });
    expect(file).toMatchObject({ contentType: "image/png", fileName: "label.png", inline: true });
    const png = Buffer.from(file.body as Uint8Array);
    const bare = PNG.sync.read(await renderBarcode(designLabel({ kind: "serial", ...item, gtin: `0${GTIN13}`, serial: "SN-9" }).symbols[0]));
    expect(PNG.sync.read(png).height).toBeGreaterThan(bare.height); // the text line
    expect(gs1Elements(decode(png, BarcodeFormat.DATA_MATRIX, true).text)).toEqual({ "01": `0${GTIN13}`, "21": "SN-9" });
  });
});
