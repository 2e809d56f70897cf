import { stringify } from "csv-stringify/sync";

export type CsvRecord = Record<string, string>;

/**
 * Rows as CSV text with a header, comma-separated. The BOM tells Excel the file is UTF-8 (without it, Excel
 * shows "Ã¼" for "ü"); our own import ignores it.
 */
export function stringifyCsvRows(columns: readonly string[], rows: readonly CsvRecord[]): string {
  return stringify(rows as CsvRecord[], { columns: [...columns], header: true, bom: true });
}

/**
 * Pages of rows → CSV text a page at a time, header first, for a response that streams: memory holds one page,
 * never the whole file. Pulls the next page only when the previous one has been taken.
 */
export async function* stringifyCsv(columns: readonly string[], pages: AsyncIterable<readonly CsvRecord[]>): AsyncGenerator<string> {
  yield stringifyCsvRows(columns, []);
  for await (const page of pages) {
    if (page.length > 0) yield stringify(page as CsvRecord[], { columns: [...columns], header: false });
  }
}
