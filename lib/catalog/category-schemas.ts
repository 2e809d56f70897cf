import { z } from "zod";
import { COSTING_METHODS } from "./schemas";

const costingMethod = z
  .enum(COSTING_METHODS)
  .nullable()
  .describe("How the stock of its items that name no method of their own is valued; null: the installation's method");

export const categoryView = z
  .object({
    path: z.string().describe('"Tools > Power tools > Drills"'),
    name: z.string(),
    depth: z.number().int(),
    items: z.number().int().describe("Its own active items"),
    itemsBeneath: z.number().int().describe("Active items in it and every category beneath it"),
    costingMethod,
  })
  .meta({ id: "Category" });

export const categoryInput = z
  .object({
    path: z.string().trim().min(1).max(500).describe("Names separated by >; missing parents are created too"),
    costingMethod: costingMethod.optional().describe("For a new category; an existing one keeps its method (change it with PATCH)"),
  })
  .meta({ id: "CategoryInput" });

export const categoryUpdate = z
  .object({
    costingMethod: costingMethod,
    costingFrom: z.iso
      .date()
      .optional()
      .describe(
        "When the new method takes effect for its items' stock (their revaluation is dated then): today when left out; not in a closed month",
      ),
  })
  .strict()
  .meta({ id: "CategoryUpdate" });

/** The data of a `category.updated` event (lib/events/catalogue.ts): what changed, and for how many items. */
export const categoryUpdatedData = z.object({
  path: z.string().describe('"Tools > Power tools > Drills"'),
  name: z.string(),
  costingMethod,
  previousCostingMethod: costingMethod.describe("The method it had before the change; null: the installation's"),
  costingFrom: z.iso
    .date()
    .nullable()
    .describe("The day the new method took effect for its items' stock (their revaluations are dated then); null: when the change was made"),
  itemsRevalued: z.number().int().describe("Its items that name no method of their own and have stock, revalued in the same transaction"),
});

export const categoryPathParams = z.object({ path: z.string().trim().min(1).max(500).describe("The category's path, URL-encoded") });

export type CategoryView = z.infer<typeof categoryView>;
export type CategoryUpdatedData = z.infer<typeof categoryUpdatedData>;
export type CategoryInput = z.input<typeof categoryInput>;
export type CategoryUpdate = z.input<typeof categoryUpdate>;
