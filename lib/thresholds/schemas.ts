import { z } from "zod";
import { codeField } from "../contract/code-field";

/** The five thresholds, as the API and the screens name them. */
export const THRESHOLD_FIELDS = ["min", "max", "reorderPoint", "reorderQuantity", "safetyStock"] as const;
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];

/** Their columns in "StockThreshold" and the "StockThresholdInForce" view. */
export const THRESHOLD_COLUMNS: Record<ThresholdField, string> = {
  min: "minQty",
  max: "maxQty",
  reorderPoint: "reorderPoint",
  reorderQuantity: "reorderQuantity",
  safetyStock: "safetyStock",
};

const quantity = (description: string) =>
  z
    .number()
    .int("Enter a whole number")
    .min(0, "Enter 0 or more")
    .max(1_000_000_000)
    .nullable()
    .optional()
    .describe(`${description}; null clears it (the site then inherits the item-wide default), absent leaves it as it is`);

export const thresholdsInput = z.object({
  site: codeField.optional().describe("The site whose own thresholds these are; absent sets the item-wide default every site inherits"),
  min: quantity("Minimum stock: below it the site is short"),
  max: quantity("Maximum stock: above it the site is overstocked"),
  reorderPoint: quantity("Reorder when available falls to or below this"),
  reorderQuantity: quantity("How much to reorder"),
  safetyStock: quantity("Stock kept against uncertain demand and lead time"),
});
export type ThresholdsInput = z.input<typeof thresholdsInput>;

const value = z.number().int().nullable();

export const thresholdsInForce = z
  .object({
    sku: z.string(),
    site: z.string().nullable().describe("The site's code; null for the item-wide default"),
    min: value,
    max: value,
    reorderPoint: value,
    reorderQuantity: value,
    safetyStock: value,
    own: z.array(z.enum(THRESHOLD_FIELDS)).describe("Fields the site sets itself"),
    inherited: z.array(z.enum(THRESHOLD_FIELDS)).describe("Fields whose value is the item-wide default's"),
  })
  .meta({ id: "ThresholdsInForce" });
export type ThresholdsInForce = z.infer<typeof thresholdsInForce>;

export const itemThresholds = z
  .object({
    sku: z.string(),
    default: thresholdsInForce.describe("The item-wide default (site null; every field its own)"),
    data: z.array(thresholdsInForce).describe("Per site the actor may view, by code: the thresholds in force and where each comes from"),
  })
  .meta({ id: "ItemThresholds" });
export type ItemThresholds = z.infer<typeof itemThresholds>;
