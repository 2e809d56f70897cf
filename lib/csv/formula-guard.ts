/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a name typed
 * as "=HYPERLINK(…)" would run on the computer of whoever opens the export (OWASP: CSV injection). Exports put
 * an apostrophe before such text, which spreadsheets show as plain text; imports take it off again, so an export
 * can be edited and imported back unchanged. Numbers (-18) are written by the export without a guard.
 */
// Text that already starts with apostrophes before such a character is guarded too, so that it survives the trip.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
