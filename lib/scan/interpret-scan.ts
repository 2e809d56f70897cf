import { hasValidGs1CheckDigit, toGtin14 } from "../gs1/check-digit";
import { Gs1Invalid, type ParsedGs1 } from "../gs1/parse-element-string";
import { parseGs1Data } from "../gs1/parse-gs1-data";

/** What a GS1 scan can fill in on the form it lands on. */
export type ScanFields = {
  gtin?: string;
  lot?: string;
  /** From AI 17 as YYYY-MM-DD (day 00 means the month's last day). */
  expiresAt?: string;
  serial?: string;
  /** From AI 30 or 37: units in the pack. */
  quantity?: number;
  /** From AI 310n: net weight in kilograms. */
  netWeightKg?: number;
  sscc?: string;
};

export type ScanInterpretation = { type: "gs1"; gs1: ParsedGs1; fields: ScanFields } | { type: "text"; text: string };

const GS = "\u001d";
/** Symbology identifiers whose data is GS1 (AI element strings or an EAN/UPC GTIN); parseGs1 reads them. */
const gs1Symbologies = /^\](C1|e0|d2|Q3|J1|E0|E4)/;

/**
 * Reads scanned text without looking anything up, so the browser can do it offline too: GS1 data (symbology
 * identifier, FNC1 as GS, bracketed text, a bare GTIN with a valid check digit) becomes its elements and the
 * form fields they fill; anything else stays text to look up as a location, SKU, alias, serial or lot.
 * `parseData` reads GS1 data of any form (the Digital Link reader plugs in here).
 */
export function interpretScan(raw: string, parseData: (data: string) => ParsedGs1 = parseGs1Data): ScanInterpretation {
  const text = raw.replace(/[\r\n]+$/, "").trim();
  if (gs1Symbologies.test(text) || text.startsWith(GS) || /^\(\d{2,4}\)/.test(text)) return asGs1(parseData(text));
  // Other symbologies (]C0 plain Code 128, ]A0 Code 39, ]Q1 plain QR, ]I1 ITF...) carry plain text.
  const data = /^\][A-Za-z]\d/.test(text) ? text.slice(3) : text;
  if (isGtin(data)) return asGs1(parseData(`(01)${toGtin14(data)}`));
  const gs1 = /^https?:\/\//i.test(data) || /^0[0-3]\d{16}/.test(data) ? tryParse(parseData, data) : undefined;
  return gs1 ? asGs1(gs1) : { type: "text", text: data };
}

function isGtin(data: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(data) && hasValidGs1CheckDigit(data);
}

/** Digits that merely look like AI data (an internal code starting 01...) or a URL that is not Digital Link stay text. */
function tryParse(parseData: (data: string) => ParsedGs1, data: string): ParsedGs1 | undefined {
  try {
    return parseData(data);
  } catch (error) {
    if (error instanceof Gs1Invalid) return undefined;
    throw error;
  }
}

function asGs1(gs1: ParsedGs1): ScanInterpretation {
  return { type: "gs1", gs1, fields: fieldsOf(gs1) };
}

export function fieldsOf(gs1: ParsedGs1): ScanFields {
  const fields: ScanFields = {};
  for (const { ai, value } of gs1.elements) {
    if (ai === "01" || ai === "02") fields.gtin = value;
    else if (ai === "10") fields.lot = value;
    else if (ai === "17") fields.expiresAt = gs1DateToIso(value);
    else if (ai === "21") fields.serial = value;
    else if (ai === "30" || ai === "37") fields.quantity = Number(value);
    else if (ai === "00") fields.sscc = value;
    else if (/^310\d$/.test(ai)) fields.netWeightKg = Number(value) / 10 ** Number(ai[3]);
  }
  return fields;
}

/**
 * YYMMDD to YYYY-MM-DD. GS1 General Specifications 7.12: the century puts the year within 49 years back and 50
 * ahead of today; day 00 means the last day of the month.
 */
export function gs1DateToIso(yymmdd: string, today = new Date()): string {
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const currentYear = today.getUTCFullYear();
  const century = Math.floor(currentYear / 100) * 100;
  let year = century + yy;
  if (year - currentYear > 50) year -= 100;
  else if (currentYear - year > 49) year += 100;
  const day = Number(yymmdd.slice(4, 6)) || new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
