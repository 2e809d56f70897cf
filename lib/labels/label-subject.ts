/**
 * What one label shows, as loaded from the database (./load-label-subjects.ts) or given (an SSCC). `gtin` is
 * the item's GTIN in its stored 14-digit form, or null when the item has none.
 */
export type LabelSubject =
  | { kind: "item"; sku: string; name: string; gtin: string | null }
  | { kind: "bin"; code: string; name: string }
  | { kind: "lot"; sku: string; name: string; gtin: string | null; lot: string; expiresOn: Date | null }
  | { kind: "serial"; sku: string; name: string; gtin: string | null; serial: string }
  | { kind: "sscc"; sscc: string };
