/**
 * Draws the app icons in public/icons/ and app/favicon.ico (run: npx tsx scripts/make-icons.ts, then commit them).
 * The mark is a scanner's viewfinder around barcode bars, white on the brand colour (--color-brand-700 in
 * app/globals.css, also the manifest's theme_color). Drawn from shapes in a unit square with 4×4 supersampling
 * per pixel, so edges are anti-aliased at every size without an image library beyond pngjs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

type Rgb = readonly [number, number, number];
type Rect = { x0: number; y0: number; x1: number; y1: number };

const brand: Rgb = [0x17, 0x4b, 0xa6];
const white: Rgb = [0xff, 0xff, 0xff];
const samplesPerAxis = 4;

/** Barcode bars between x 0.28 and 0.72: alternating bar and gap widths in modules, bars first. */
function barcodeBars(): Rect[] {
  const pattern = [2, 1, 1, 2, 3, 1, 1, 1, 2, 2, 1, 1, 2];
  const modules = pattern.reduce((sum, width) => sum + width, 0);
  const moduleWidth = 0.44 / modules;
  const bars: Rect[] = [];
  let x = 0.28;
  pattern.forEach((width, index) => {
    if (index % 2 === 0) bars.push({ x0: x, y0: 0.33, x1: x + width * moduleWidth, y1: 0.67 });
    x += width * moduleWidth;
  });
  return bars;
}

/** The four L-shaped corners of a viewfinder spanning 0.17 to 0.83. */
function viewfinderCorners(): Rect[] {
  const [near, far, arm, stroke] = [0.17, 0.83, 0.15, 0.05];
  const corners: Rect[] = [];
  for (const [cx, dx] of [
    [near, 1],
    [far, -1],
  ] as const) {
    for (const [cy, dy] of [
      [near, 1],
      [far, -1],
    ] as const) {
      corners.push(span(cx, cy, cx + dx * arm, cy + dy * stroke), span(cx, cy, cx + dx * stroke, cy + dy * arm));
    }
  }
  return corners;
}

function span(ax: number, ay: number, bx: number, by: number): Rect {
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}

function isInsideRoundedSquare(x: number, y: number, radius: number): boolean {
  if (x < 0 || x > 1 || y < 0 || y > 1) return false;
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

type IconShape = {
  size: number;
  /** Corner radius of the background as a fraction of the side; 0 fills the square edge to edge. */
  cornerRadius: number;
  /** The mark is scaled about the centre: maskable icons keep it inside the central safe circle (radius 0.4). */
  markScale: number;
};

function drawIcon({ size, cornerRadius, markScale }: IconShape): Buffer {
  const mark = [...barcodeBars(), ...viewfinderCorners()];
  const png = new PNG({ width: size, height: size });
  const step = 1 / (size * samplesPerAxis);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, coverage] = [0, 0, 0, 0];
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const x = (px * samplesPerAxis + sx + 0.5) * step;
          const y = (py * samplesPerAxis + sy + 0.5) * step;
          if (!isInsideRoundedSquare(x, y, cornerRadius)) continue;
          const mx = 0.5 + (x - 0.5) / markScale;
          const my = 0.5 + (y - 0.5) / markScale;
          const isMark = mark.some((rect) => mx >= rect.x0 && mx < rect.x1 && my >= rect.y0 && my < rect.y1);
          const colour = isMark ? white : brand;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          coverage += 1;
        }
      }
      const offset = (py * size + px) * 4;
      // Colour is averaged over covered samples only (straight alpha), alpha is the covered share.
      png.data[offset] = coverage ? Math.round(r / coverage) : 0;
      png.data[offset + 1] = coverage ? Math.round(g / coverage) : 0;
      png.data[offset + 2] = coverage ? Math.round(b / coverage) : 0;
      png.data[offset + 3] = Math.round((coverage / samplesPerAxis ** 2) * 255);
    }
  }
  return PNG.sync.write(png);
}

const icons: Record<string, IconShape> = {
  "icon-192.png": { size: 192, cornerRadius: 0.22, markScale: 1 },
  "icon-512.png": { size: 512, cornerRadius: 0.22, markScale: 1 },
  // Launchers crop maskable icons to their own shape: fill edge to edge, mark within the safe zone.
  "icon-maskable-512.png": { size: 512, cornerRadius: 0, markScale: 0.8 },
  // iOS rounds the corners itself and shows transparency as black.
  "apple-touch-icon.png": { size: 180, cornerRadius: 0, markScale: 0.9 },
};

/**
 * An .ico holding PNG images (allowed since Windows Vista, read by every current browser): the header, one
 * 16-byte directory entry per image, then the PNGs. Browsers ask for /favicon.ico on their own, so without it
 * every first page load logs a 404.
 */
function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // 0 means 256
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const directory = fileURLToPath(new URL("../public/icons/", import.meta.url));
mkdirSync(directory, { recursive: true });
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(`${directory}${name}`, drawIcon(shape));
  console.log(`public/icons/${name} (${shape.size}×${shape.size})`);
}
// app/favicon.ico: Next serves it at /favicon.ico and links it from every page.
const faviconSizes = [16, 32, 48];
writeFileSync(
  fileURLToPath(new URL("../app/favicon.ico", import.meta.url)),
  icoOf(faviconSizes.map((size) => ({ size, png: drawIcon({ size, cornerRadius: 0.22, markScale: 1 }) }))),
);
console.log(`app/favicon.ico (${faviconSizes.join(", ")} px)`);
