/**
 * The body of a CSV upload (POST …/import), read with a size cap: a request larger than the import accepts is
 * refused as soon as it passes the cap, not after it has been held in memory whole.
 */
import { decodeCsv } from "../csv/decode-csv";
import { CsvRejected, MAX_CSV_BYTES } from "../csv/parse-csv";
import { MalformedRequest } from "./problem";

export async function readCsvBody(request: Request, maxBytes = MAX_CSV_BYTES): Promise<string> {
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(request.headers.get("content-type") ?? "")) {
    throw new MalformedRequest("Send the CSV file itself as the body (Content-Type: text/csv), not a form");
  }
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw CsvRejected.tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw CsvRejected.tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  return decodeCsv(Buffer.concat(chunks), maxBytes);
}
