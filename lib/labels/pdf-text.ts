import type { PDFFont } from "pdf-lib";

/** Helvetica speaks WinAnsi only: a character it cannot encode prints as "?" instead of failing the document. */
export function encodable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return "?";
      }
    })
    .join("");
}
