import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { encodable } from "../labels/pdf-text";

/** A rendered file, as lib/labels answers its labels (the edge sends it with its own media type). */
export type OrderFile = { body: Uint8Array; contentType: string; fileName: string; inline: boolean };

const MARGIN = 40;

/**
 * A plain text document on pages of `size` points: lines flow down and onto a new page when one is full. The
 * title goes into the PDF's metadata too, so a program (or a test) can tell which order a file is for.
 */
export class OrderDocument {
  private page!: PDFPage;
  private y = 0;
  private constructor(
    readonly pdf: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly size: [number, number],
  ) {
    this.addPage();
  }

  static async create(title: string, size: [number, number]): Promise<OrderDocument> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setCreator("Stockroom");
    const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
    return new OrderDocument(pdf, fonts, size);
  }

  addPage() {
    this.page = this.pdf.addPage(this.size);
    this.y = this.size[1] - MARGIN;
  }

  /** One line of text (cut to the page's width); `columns` places several texts at x offsets on the same line. */
  line(text: string | [string, number][], options: { size?: number; bold?: boolean } = {}) {
    const size = options.size ?? 10;
    if (this.y - size * 1.4 < MARGIN) this.addPage();
    this.y -= size * 1.4;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const columns = typeof text === "string" ? [[text, 0] as [string, number]] : text;
    for (const [value, x] of columns) this.page.drawText(encodable(font, value).slice(0, 120), { x: MARGIN + x, y: this.y, size, font });
  }

  gap(points = 8) {
    this.y -= points;
  }

  /** Moves the cursor below an image drawn at the cursor. */
  image(png: Uint8Array, width: number, height: number) {
    return this.pdf.embedPng(png).then((image) => {
      if (this.y - height < MARGIN) this.addPage();
      this.y -= height;
      this.page.drawImage(image, { x: MARGIN, y: this.y, width, height });
    });
  }

  async file(fileName: string): Promise<OrderFile> {
    return { body: await this.pdf.save(), contentType: "application/pdf", fileName, inline: true };
  }
}
