import { normaliseBarcode } from "../catalog/barcode";

/** What the statements need from the text a person typed or scanned. */
export type SearchTerms = {
  /** Trimmed, inner runs of spaces collapsed. */
  text: string;
  /** `text` lower-cased: SKUs, supplier SKUs, lots, serials and location codes compare without regard to case. */
  lower: string;
  /** The barcode forms to look up exactly: as typed, and a GTIN padded to 14 digits. */
  barcodes: string[];
  /** LIKE patterns (escaped) for "starts with" and "contains", on `lower`. */
  prefixPattern: string;
  containsPattern: string;
  /** Words of three or more letters (no digits), lower-cased: the misspelling stage runs only when there are some. */
  fuzzyWords: string[];
  /**
   * Whether to look for codes that start with or contain the text: one token (no spaces) of three characters or
   * more (fewer have no trigram to narrow a LIKE with). Words with spaces are names, looked up by their words.
   */
  isCodeLike: boolean;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

export function searchTerms(q: string): SearchTerms {
  const text = q.trim().replace(/\s+/g, " ");
  const lower = text.toLowerCase();
  // Words of letters only: "m8", "18v" and codes such as "lot2024-17" are not misspelled names.
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && /^\p{L}+$/u.test(w));
  return {
    text,
    lower,
    barcodes: [...new Set([text, normaliseBarcode(text)])],
    prefixPattern: `${escapeLike(lower)}%`,
    containsPattern: `%${escapeLike(lower)}%`,
    fuzzyWords: [...new Set(words)],
    isCodeLike: lower.length >= 3 && !lower.includes(" "),
  };
}
