import { parseGs1 } from "../gs1/parse-element-string";
import type { LabelSubject } from "./label-subject";

export type Symbology = "ean13" | "code128" | "gs1-128" | "qrcode" | "gs1datamatrix";

/**
 * One barcode on a label. `data` is what the symbol encodes: the 13 digits of an EAN-13, the text of a Code 128
 * or QR code, or for GS1 symbols the bracketed element string ("(01)09506000134352(10)ABC"), which is how
 * bwip-js and ZPL's ^BC UCC/EAN mode both take it.
 */
export type LabelSymbol = { symbology: Symbology; data: string };

/** A label as printed: barcodes (the first is the one a PNG shows) and lines of text, the first in bold. */
export type LabelDesign = { symbols: LabelSymbol[]; lines: string[]; name: string };

// GS1 CSET 82 less the parentheses, which delimit AIs in the bracketed input of bwip-js and of ZPL mode D.
const BRACKET_SAFE_CSET82 = /^[!"%&'*+,\-./0-9:;<=>?A-Z_a-z]+$/;

/**
 * The GS1 symbol for `elements`, or null when a value cannot be carried (too long, outside CSET 82): the label
 * then falls back to a plain Code 128 rather than print a symbol scanners would reject.
 */
function gs1Data(elements: [ai: string, value: string][]): string | null {
  if (!elements.every(([, value]) => BRACKET_SAFE_CSET82.test(value))) return null;
  const bracketed = elements.map(([ai, value]) => `(${ai})${value}`).join("");
  try {
    return parseGs1(bracketed).hri;
  } catch {
    return null;
  }
}

/** A GTIN-13 is a 14-digit GTIN with exactly one leading zero (two or more mean a GTIN-12 or GTIN-8). */
function asGtin13(gtin14: string): string | null {
  return /^0[1-9]\d{12}$/.test(gtin14) ? gtin14.slice(1) : null;
}

/** YYMMDD of a calendar date stored as midnight UTC (GS1 General Specifications 7.12). */
function yymmdd(date: Date): string {
  return date.toISOString().slice(2, 10).replaceAll("-", "");
}

function itemSymbol(sku: string, gtin: string | null): LabelSymbol {
  const gtin13 = gtin ? asGtin13(gtin) : null;
  if (gtin13) return { symbology: "ean13", data: gtin13 };
  if (gtin) return { symbology: "gs1-128", data: `(01)${gtin}` };
  return { symbology: "code128", data: sku };
}

/**
 * Which symbols and text a label carries. Lots get a GS1-128 (linear: every scanner reads it), serials a GS1
 * DataMatrix (small enough for the unit itself). The variable-length lot goes after the fixed-length expiry so
 * the symbol needs no separator (GS1 General Specifications 5.4.7.7 recommends variable-length AIs last).
 */
export function designLabel(subject: LabelSubject): LabelDesign {
  switch (subject.kind) {
    case "item":
      return { name: subject.sku, symbols: [itemSymbol(subject.sku, subject.gtin)], lines: [subject.name, `SKU ${subject.sku}`] };
    case "bin":
      return {
        name: subject.code,
        symbols: [
          { symbology: "code128", data: subject.code },
          { symbology: "qrcode", data: subject.code },
        ],
        lines: [subject.code, subject.name],
      };
    case "lot": {
      const expiry = subject.expiresOn ? yymmdd(subject.expiresOn) : null;
      const data = subject.gtin
        ? gs1Data([["01", subject.gtin], ...(expiry ? [["17", expiry] as [string, string]] : []), ["10", subject.lot]])
        : null;
      const expires = subject.expiresOn ? [`Expires ${subject.expiresOn.toISOString().slice(0, 10)}`] : [];
      return {
        name: `${subject.sku}-${subject.lot}`,
        symbols: [data ? { symbology: "gs1-128", data } : { symbology: "code128", data: subject.sku }],
        lines: [subject.name, `SKU ${subject.sku}`, `Lot ${subject.lot}`, ...expires],
      };
    }
    case "serial": {
      const data = subject.gtin
        ? gs1Data([
            ["01", subject.gtin],
            ["21", subject.serial],
          ])
        : null;
      return {
        name: `${subject.sku}-${subject.serial}`,
        symbols: [data ? { symbology: "gs1datamatrix", data } : { symbology: "code128", data: subject.sku }],
        lines: [subject.name, `SKU ${subject.sku}`, `S/N ${subject.serial}`],
      };
    }
    case "sscc":
      return { name: subject.sscc, symbols: [{ symbology: "gs1-128", data: `(00)${subject.sscc}` }], lines: ["SSCC", subject.sscc] };
  }
}
