import { hasValidGs1CheckDigit, toGtin14 } from "../gs1/check-digit";

export type BarcodeKind = "gtin" | "alias";

/** GTIN-8, -12 (UPC-A), -13 (EAN) and -14 are all digits of exactly these lengths. */
export function isGtinShaped(code: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(code);
}

/** Anything shaped like a GTIN must carry a valid check digit; any other code is a free-form alias. */
export function isAcceptableBarcode(code: string): boolean {
  return !isGtinShaped(code) || hasValidGs1CheckDigit(code);
}

/**
 * The form a barcode is stored and compared in: GTINs padded to 14 digits, so the EAN-13 and the GTIN-14 of one
 * product are the same code; aliases as printed. Idempotent, so schemas may apply it to their own output.
 */
export function normaliseBarcode(code: string): string {
  return isGtinShaped(code) ? toGtin14(code) : code;
}

export function barcodeKind(storedCode: string): BarcodeKind {
  return isGtinShaped(storedCode) ? "gtin" : "alias";
}
