import { z } from "zod";

export const labelKind = z.enum(["item", "bin", "lot", "serial", "sscc"]).describe("What the label is for");
export type LabelKind = z.infer<typeof labelKind>;

export const labelFormat = z.enum(["pdf", "zpl", "png"]).describe("pdf for office printers, zpl for Zebra printers, png for one label as an image");
export type LabelFormat = z.infer<typeof labelFormat>;

export const labelSize = z
  .enum(["a4", "4x6", "62mm"])
  .describe(
    "a4: a sheet of 3×8 labels of 70×37 mm (PDF only); 4x6: 4×6 in shipping labels; 62mm: 62×100 mm labels. Default: a4 for PDF, 4x6 for ZPL",
  );
export type LabelSize = z.infer<typeof labelSize>;

const ref = z.string().trim().min(1).max(100);

export const labelParams = z.object({
  kind: labelKind,
  ref: ref.describe("SKU, location code, lot number, serial number or 18-digit SSCC, e.g. WH1-A-01"),
});

export const labelQuery = z.object({
  format: labelFormat.default("pdf"),
  size: labelSize.optional(),
  sku: ref.optional().describe("The item's SKU: required for lot and serial labels"),
  subtree: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .describe("For bin labels: print every bin under the location instead of the location itself"),
});

export const labelBatchInput = z
  .object({
    kind: z.enum(["item", "bin"]).describe("Item labels (refs are SKUs) or bin labels (refs are location codes)"),
    refs: z.array(ref).min(1).max(500).describe('SKUs or location codes, printed in this order, e.g. ["SKU-1", "SKU-2"]'),
    format: labelFormat.default("pdf"),
    size: labelSize.optional(),
  })
  .meta({ id: "LabelBatchInput" });

/** What to print: the label kind and its references, however the request named them. */
export type LabelRequest = { kind: LabelKind; refs: string[]; sku?: string; subtree?: boolean };
