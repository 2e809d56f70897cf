/**
 * Keyset paging's cursors, one format for every paged list (reports, availability): the sort key of the last row
 * given, its parts as JSON in base64url (opaque, URL-safe). A cursor that does not read back is 422 on `cursor`.
 */
import type { z } from "zod";
import { ValidationFailed } from "../domain-error";

/** A cursor the list cannot read: 422 on `cursor`. */
export function invalidCursor(): ValidationFailed {
  return new ValidationFailed([{ field: "cursor", message: "Pass `next` of the previous page as it was" }]);
}

/** A cursor naming a row by its sort key. */
export function encodeCursor(parts: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

/** The sort key a cursor of `encodeCursor` names, as `shape` reads it; anything else is `invalidCursor()`. */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor();
  }
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}
