import { CsvRejected, MAX_CSV_BYTES } from "./parse-csv";

/**
 * An uploaded file's bytes → text. Only UTF-8 is accepted: a file saved in a legacy code page (Excel's plain
 * "CSV" on Windows) would otherwise import "Müller" as "M�ller" without anyone noticing. A BOM is dropped.
 */
export function decodeCsv(bytes: Uint8Array, maxBytes = MAX_CSV_BYTES): string {
  if (bytes.byteLength > maxBytes) throw CsvRejected.tooLarge(maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CsvRejected('The file is not UTF-8 text: save it as "CSV UTF-8" and try again');
  }
}
