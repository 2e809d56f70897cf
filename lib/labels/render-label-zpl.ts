import { parseGs1 } from "../gs1/parse-element-string";
import type { LabelDesign, LabelSymbol } from "./design-label";
import { SizeNotForFormat } from "./errors";
import type { LabelSize } from "./schemas";

/** Print widths and lengths in dots at 203 dpi (8 dots/mm): 4×6 in, and 62×100 mm. */
type Media = {
  width: number;
  length: number;
  margin: number;
  font: number;
  maxModule: number;
  barHeight: number;
  qrMagnification: number;
  dataMatrixDot: number;
};

const MEDIA: Partial<Record<LabelSize, Media>> = {
  "4x6": { width: 812, length: 1218, margin: 32, font: 40, maxModule: 4, barHeight: 160, qrMagnification: 8, dataMatrixDot: 10 },
  "62mm": { width: 496, length: 799, margin: 20, font: 28, maxModule: 3, barHeight: 110, qrMagnification: 5, dataMatrixDot: 6 },
};

/** ^FH field data: "^" and "~" would start a command and "_" is the hex indicator itself, so each goes as _XX. */
function fieldHex(text: string): string {
  return text.replace(/[\^~_]/g, (ch) => `_${ch.charCodeAt(0).toString(16).toUpperCase()}`).replace(/[\u0000-\u001f]/g, "");
}

/** Modules of a Code 128's bars (start, check and stop included); digit runs of four or more pack two to a character. */
function code128Modules(text: string, isGs1: boolean): number {
  let characters = isGs1 ? 1 : 0;
  for (const run of text.match(/\d+|\D+/g) ?? []) characters += /^\d/.test(run) && run.length >= 4 ? Math.ceil(run.length / 2) + 1 : run.length;
  return 11 * (characters + 2) + 13;
}

/** Modules across a linear symbol's bars; null for a 2D symbol. */
function linearModules(symbol: LabelSymbol): number | null {
  if (symbol.symbology === "ean13") return 95;
  if (symbol.symbology === "code128") return code128Modules(symbol.data, false);
  if (symbol.symbology === "gs1-128") return code128Modules(symbol.data.replace(/[()]/g, ""), true);
  return null;
}

// A 2-dot module (0.25 mm at 203 dpi) is the narrowest most scanners read reliably off a thermal label.
const MIN_MODULE = 2;

// Quiet zones: at least 10 modules each side for Code 128, 11 and 7 for EAN-13 (ISO/IEC 15417, 15420).
const QUIET_MODULES = 20;

/**
 * ^BY and orientation of a linear symbol: across the label (centred, so the quiet zones are the space either
 * side) when it fits, else along it, rotated, between the margins, else across with narrower bars.
 */
function placement(modules: number, media: Media, lengthLeft: number): { module: number; rotated: boolean } {
  const across = Math.min(media.maxModule, Math.floor(media.width / (modules + QUIET_MODULES)));
  if (across >= MIN_MODULE) return { module: across, rotated: false };
  const along = Math.min(media.maxModule, Math.floor(lengthLeft / modules));
  return along >= MIN_MODULE ? { module: along, rotated: true } : { module: Math.max(1, across), rotated: false };
}

const TEXT_UNDER_BARS = 40;

/** One symbol's ZPL (from ^BY or the barcode command to ^FS) and how far down the label it reaches. */
function symbolZpl(symbol: LabelSymbol, media: Media, lengthLeft: number): { zpl: string; height: number; x: number } {
  const modules = linearModules(symbol);
  const { module, rotated } = modules ? placement(modules, media, lengthLeft) : { module: 1, rotated: false };
  const o = rotated ? "R" : "N";
  const height = modules ? (rotated ? modules * module : media.barHeight + TEXT_UNDER_BARS) : 0;
  const x = modules && !rotated ? Math.max(media.margin, Math.round((media.width - modules * module) / 2)) : media.margin;
  switch (symbol.symbology) {
    case "ean13":
      // ^BE takes the 12 data digits and adds the check digit itself.
      return { zpl: `^BY${module}^BE${o},${media.barHeight},Y,N^FD${symbol.data.slice(0, 12)}^FS`, height, x };
    case "code128":
      // In ^BC's default mode ">" starts an invocation code; "><" is a literal ">".
      return { zpl: `^BY${module}^BC${o},${media.barHeight},Y,N,N^FH^FD${fieldHex(symbol.data.replaceAll(">", "><"))}^FS`, height, x };
    case "gs1-128":
      // Mode D (UCC/EAN): the printer adds FNC1 and separators and drops the parentheses from the bars.
      return { zpl: `^BY${module}^BC${o},${media.barHeight},Y,N,N,D^FH^FD${fieldHex(symbol.data)}^FS`, height, x };
    case "qrcode":
      // "QA,": error correction Q (25 %, survives a scuffed bin front), automatic data mode.
      return { zpl: `^BQN,2,${media.qrMagnification}^FH^FDQA,${fieldHex(symbol.data)}^FS`, height: media.qrMagnification * 33, x };
    case "gs1datamatrix": {
      // ECC 200 with "\" as escape character ("_" is allowed in GS1 data, "\" is not): "\1" is FNC1, first to
      // mark GS1 data, then wherever the element string has a GS separator.
      const data = `\\1${parseGs1(symbol.data).elementString.replaceAll("\u001d", "\\1")}`;
      return { zpl: `^BXN,${media.dataMatrixDot},200,,,,\\^FD${data}^FS`, height: media.dataMatrixDot * 26, x };
    }
  }
}

function labelZpl(design: LabelDesign, media: Media): string {
  const commands = ["^XA", "^CI28", `^PW${media.width}`, `^LL${media.length}`, "^LH0,0"];
  let y = media.margin;
  design.lines.forEach((line, i) => {
    const size = i === 0 ? Math.round(media.font * 1.2) : media.font;
    // ^A0 is proportional; about 0.55 of the height per character is a safe budget for the print width.
    const maxChars = Math.floor((media.width - 2 * media.margin) / (size * 0.55));
    const text = line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
    commands.push(`^FO${media.margin},${y}^A0N,${size},${size}^FH^FD${fieldHex(text)}^FS`);
    y += Math.round(size * 1.25);
  });
  y += media.margin;
  for (const symbol of design.symbols) {
    const { zpl, height, x } = symbolZpl(symbol, media, media.length - y - media.margin);
    commands.push(`^FO${x},${y}${zpl}`);
    y += height + media.margin;
  }
  commands.push("^XZ");
  return commands.join("\n");
}

/** Labels as ZPL II for Zebra printers at 203 dpi: one ^XA…^XZ format per label, UTF-8 text (^CI28). */
export function renderLabelZpl(designs: LabelDesign[], size: LabelSize): string {
  const media = MEDIA[size];
  if (!media) throw new SizeNotForFormat(size, "ZPL");
  return `${designs.map((design) => labelZpl(design, media)).join("\n")}\n`;
}
