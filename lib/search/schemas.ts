import { z } from "zod";
import { STOCK_STATUSES } from "../catalog/schemas";

const code = z.string().trim().min(1).max(64).toUpperCase();

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe("What was typed or scanned: a SKU, barcode, supplier SKU, lot, serial, location code or words of a name")
    .meta({ example: "makita hex bolt m8" }),
  category: z.string().trim().min(1).max(300).optional().describe("A category path; includes its sub-categories").meta({ example: "Fasteners" }),
  supplier: z.string().trim().min(1).max(64).optional().describe("A supplier code: only items it supplies"),
  site: code.optional().describe("A site code: only locations, lots, serials and stock there, and items stocked there"),
  zone: code.optional().describe("A location code (zone, aisle…): as `site`, for everything beneath it"),
  stockStatus: z
    .enum(STOCK_STATUSES)
    .optional()
    .describe("out: nothing available · low: at or below the reorder point · in: above it (over the stock you may see)"),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe("Only items and lots with stock in a lot that expires within this many days"),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("How many results, best first"),
});

export const searchHit = z
  .object({
    type: z.enum(["item", "location", "lot", "serial"]),
    sku: z.string().optional().describe("The item's SKU (items, lots, serials)"),
    name: z.string().optional().describe("The item's or location's name"),
    code: z.string().optional().describe("The location code, lot number or serial number"),
    site: z.string().optional().describe("The site code of a location or serial"),
    location: z.string().nullable().optional().describe("Where a serial unit is now"),
    expiresOn: z.string().nullable().optional().describe("A lot's expiry date (YYYY-MM-DD)"),
    score: z
      .number()
      .describe("1 for an exact code, then prefix (0.85–0.9), words of the name (0.7–0.8) or description (0.5–0.6), misspellings (below 0.5)"),
    stock: z
      .array(
        z.object({
          location: z.string(),
          onHand: z.number().int(),
          available: z
            .number()
            .int()
            .describe("What can still be promised there: the one availability rule (0 in staging, quarantine, lots past expiry)"),
        }),
      )
      .optional()
      .describe("Items and lots: on hand and available per location at the sites you may see, largest first (at most 10)"),
  })
  .meta({ id: "SearchHit" });

export const itemLocation = z
  .object({
    location: z.string(),
    site: z.string(),
    lot: z.string().nullable(),
    expiresOn: z.string().nullable().describe("YYYY-MM-DD"),
    onHand: z.number().int(),
    available: z
      .number()
      .int()
      .describe("What can still be promised from this bin: the one availability rule (0 in staging, quarantine, lots past expiry)"),
    x: z.number().optional().describe("Where the bin is on the site's map, in the map's unit, when a shape is linked to it"),
    y: z.number().optional(),
    width: z.number().optional(),
    height: z.number().optional(),
  })
  .meta({ id: "ItemLocation" });

export type SearchQuery = z.input<typeof searchQuery>;
export type SearchParams = z.output<typeof searchQuery>;
export type SearchHit = z.infer<typeof searchHit>;
export type ItemLocation = z.infer<typeof itemLocation>;
