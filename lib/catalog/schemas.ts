import { z } from "zod";
import { humidityPct, refineTemperatureRange, temperatureC } from "../locations/schemas";
import { isAcceptableBarcode, normaliseBarcode } from "./barcode";
import { isValidCategoryPath, normaliseCategoryPath } from "./category-path";

export const COSTING_METHODS = ["fifo", "average", "standard"] as const;

export const TRACKING_MODES = ["none", "lot", "serial"] as const;

// The SKU appears in URLs (/api/v1/items/{sku}), so it keeps to characters that need no escaping.
const sku = z
  .string()
  .trim()
  .min(1, "Enter a SKU")
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, dots, dashes and underscores only")
  .describe("Stock-keeping unit, unique without regard to case; kept as entered")
  .meta({ example: "PT-DRL-0001" });

const categoryPath = z
  .string()
  .refine(isValidCategoryPath, 'Write the category as a path of names, e.g. "Tools > Power tools > Drills"')
  .transform(normaliseCategoryPath)
  .describe("Category path, parent first; missing categories are created")
  .meta({ example: "Tools > Power tools > Drills" });

const barcodes = z
  .array(
    z
      .string()
      .trim()
      .min(1, "Enter a barcode")
      .max(64)
      .refine(isAcceptableBarcode, "The check digit of this GTIN is wrong")
      .transform(normaliseBarcode),
  )
  .max(50)
  .superRefine((codes, ctx) => {
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) ctx.addIssue({ code: "custom", path: [index], message: "Listed twice" });
    });
  })
  .describe("GTIN-8/12/13/14 (check digit verified, stored as 14 digits) or any other code as an alias")
  .meta({ example: ["4006381333931"] });

// Money stays a decimal string end to end: a binary float cannot hold most cent amounts exactly.
const unitCost = z
  .union([z.string().trim(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value))
  .pipe(z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, "Enter an amount of 0 or more with at most 4 decimal places"))
  .describe("Price per unit of the item, as a decimal string or number; stored exactly")
  .meta({ example: "12.5000" });

const itemSupplierInput = z.object({
  supplier: z.string().trim().toUpperCase().min(1, "Enter a supplier code").describe("Supplier code").meta({ example: "RHW" }),
  supplierSku: z.string().trim().min(1).max(64).optional().describe("The supplier's article number"),
  unitCost: unitCost.optional(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "An ISO 4217 code such as EUR")
    .default("EUR"),
  leadTimeDays: z.number().int().min(0).max(3650).optional(),
  minOrderQty: z.number().int().positive().optional(),
  preferred: z.boolean().default(false),
  packSize: z
    .number()
    .int("Whole units only")
    .min(1, "A pack holds at least 1 unit")
    .max(1_000_000)
    .default(1)
    .describe("Units of the item's unit in the supplier's case or pack: a case of 12 is received as 12"),
  priceBreaks: z
    .array(
      z.object({
        minQty: z.number().int("Whole units only").min(1).max(1_000_000_000).describe("From this many units on (in the item's unit)"),
        unitCost: unitCost.describe("Price per unit from minQty on, as a decimal string; stored exactly"),
      }),
    )
    .max(20)
    .default([])
    .superRefine((breaks, ctx) => {
      breaks.forEach((b, index) => {
        if (breaks.findIndex((other) => other.minQty === b.minQty) !== index)
          ctx.addIssue({ code: "custom", path: [index, "minQty"], message: "Two price breaks start at the same quantity" });
      });
    })
    .transform((breaks) => [...breaks].sort((a, b) => a.minQty - b.minQty))
    .describe("Volume prices: a line of at least minQty units costs unitCost each (the highest break reached applies); below every break, unitCost"),
});

const suppliers = z
  .array(itemSupplierInput)
  .max(50)
  .superRefine((list, ctx) => {
    list.forEach((entry, index) => {
      if (list.findIndex((e) => e.supplier === entry.supplier) !== index) {
        ctx.addIssue({ code: "custom", path: [index, "supplier"], message: "Listed twice" });
      }
      if (entry.preferred && list.findIndex((e) => e.preferred) !== index) {
        ctx.addIssue({ code: "custom", path: [index, "preferred"], message: "Only one supplier can be preferred" });
      }
    });
  })
  .describe("Who sells the item, on what terms. When given on a change, replaces the list");

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const attributes = z.record(z.string().min(1).max(64), attributeValue).describe('Free-form flat properties, e.g. {"voltage": 18}');

const itemFields = {
  name: z.string().trim().min(1, "Enter a name").max(200).meta({ example: "Cordless drill driver 18 V" }),
  description: z.string().trim().max(2000),
  category: categoryPath,
  unit: z.string().trim().min(1).max(16).describe("Unit of measure quantities are counted in").meta({ example: "ea" }),
  tracking: z.enum(TRACKING_MODES).describe("none | lot (batches with expiry) | serial (one record per unit)"),
  barcodes,
  suppliers,
  tempMinC: temperatureC.describe("Lowest storage temperature, °C"),
  tempMaxC: temperatureC.describe("Highest storage temperature, °C"),
  humidityMaxPct: humidityPct.describe("Highest relative humidity, %"),
  hazardClass: z.string().trim().min(1).max(16).describe('UN hazard class, e.g. "3" or "9"'),
  handlingNotes: z.string().trim().max(1000),
  attributes,
  imageUrl: z.httpUrl("Enter an http(s) URL").max(2000),
  costingMethod: z
    .enum(COSTING_METHODS)
    .describe(
      "How its stock is valued: fifo | average (moving weighted average) | standard; left out or null: its category's, else the installation's",
    ),
  standardCost: z
    .union([z.number().nonnegative(), z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, "A decimal amount like 12.50")])
    .transform((value) => (typeof value === "number" ? value.toFixed(4) : value))
    .describe("The standard cost per unit (the standard method values stock at this), exact decimal"),
};

/** The standard method cannot do without a standard cost. */
function refineCosting(input: { costingMethod?: string | null; standardCost?: string | null }, ctx: z.RefinementCtx) {
  if (input.costingMethod === "standard" && (input.standardCost === undefined || input.standardCost === null)) {
    ctx.addIssue({ code: "custom", path: ["standardCost"], message: "The standard cost method needs a standard cost" });
  }
}

export const itemInput = z
  .object({
    sku,
    name: itemFields.name,
    description: itemFields.description.optional(),
    category: itemFields.category.optional(),
    unit: itemFields.unit.default("ea"),
    tracking: itemFields.tracking.default("none"),
    barcodes: itemFields.barcodes.default([]),
    suppliers: itemFields.suppliers.default([]),
    tempMinC: itemFields.tempMinC.optional(),
    tempMaxC: itemFields.tempMaxC.optional(),
    humidityMaxPct: itemFields.humidityMaxPct.optional(),
    hazardClass: itemFields.hazardClass.optional(),
    handlingNotes: itemFields.handlingNotes.optional(),
    attributes: itemFields.attributes.default({}),
    imageUrl: itemFields.imageUrl.optional(),
    costingMethod: itemFields.costingMethod.nullable().optional(),
    standardCost: itemFields.standardCost.nullable().optional(),
  })
  .superRefine(refineTemperatureRange)
  .superRefine(refineCosting)
  .meta({ id: "ItemInput" });

// null clears a field; an absent field is left as it is.
export const itemUpdate = z
  .object({
    sku: z.string().trim().optional().describe("Ignored when it is the item's SKU; a SKU cannot change"),
    name: itemFields.name.optional(),
    description: itemFields.description.nullable().optional(),
    category: itemFields.category.nullable().optional().describe("Category path; null leaves the item uncategorised"),
    unit: itemFields.unit.optional(),
    tracking: itemFields.tracking.optional(),
    barcodes: itemFields.barcodes.optional().describe("Replaces all barcodes"),
    suppliers: itemFields.suppliers.optional(),
    tempMinC: itemFields.tempMinC.nullable().optional(),
    tempMaxC: itemFields.tempMaxC.nullable().optional(),
    humidityMaxPct: itemFields.humidityMaxPct.nullable().optional(),
    hazardClass: itemFields.hazardClass.nullable().optional(),
    handlingNotes: itemFields.handlingNotes.nullable().optional(),
    attributes: itemFields.attributes.optional().describe("Replaces all attributes"),
    imageUrl: itemFields.imageUrl.nullable().optional(),
    active: z.boolean().optional().describe("false archives the item: it leaves lists and searches; true restores it"),
    costingMethod: itemFields.costingMethod.nullable().optional(),
    standardCost: itemFields.standardCost.nullable().optional(),
    costingFrom: z.iso
      .date()
      .optional()
      .describe("When a new method or standard cost takes effect (its revaluation is dated then): today when left out; not in a closed month"),
  })
  .meta({ id: "ItemUpdate" });

export const itemView = z
  .object({
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable().describe("Category path, or null"),
    unit: z.string(),
    tracking: z.enum(TRACKING_MODES),
    barcodes: z.array(z.object({ code: z.string(), kind: z.enum(["gtin", "alias"]) })),
    // No .meta id on nested schemas: lib/http/openapi.ts hoists only the top-level one into components.
    suppliers: z.array(
      z.object({
        supplier: z.string().describe("Supplier code"),
        supplierName: z.string(),
        supplierSku: z.string().nullable(),
        unitCost: z.string().nullable().describe("Decimal string with 4 decimals, exact"),
        currency: z.string(),
        leadTimeDays: z.number().int().nullable(),
        minOrderQty: z.number().int().nullable(),
        preferred: z.boolean(),
        packSize: z.number().int(),
        priceBreaks: z.array(z.object({ minQty: z.number().int(), unitCost: z.string() })),
      }),
    ),
    storage: z.object({
      tempMinC: z.number().nullable(),
      tempMaxC: z.number().nullable(),
      humidityMaxPct: z.number().int().nullable(),
      hazardClass: z.string().nullable(),
      handlingNotes: z.string().nullable(),
    }),
    attributes: z.record(z.string(), attributeValue),
    imageUrl: z.string().nullable(),
    costing: z.object({
      method: z.enum(COSTING_METHODS).nullable().describe("The item's own method; null: its category's, else the installation's"),
      standardCost: z.string().nullable(),
    }),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Item" });

export const itemListQuery = z.object({
  q: z.string().trim().max(100).optional().describe("Part of a SKU or name (any case), or a whole barcode"),
  category: z.string().trim().max(1000).optional().describe("A category path; items in its sub-categories are included"),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, "Not a cursor from this list")
    .max(400)
    .optional()
    .describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const itemSkuParams = z.object({ sku: z.string().trim().min(1).max(64) });

export type ItemInput = z.input<typeof itemInput>;
export type ItemUpdate = z.input<typeof itemUpdate>;
export type ItemView = z.infer<typeof itemView>;
export type ItemListQuery = z.input<typeof itemListQuery>;

export const ITEM_TABLE_SORTS = ["sku", "name", "category", "onHand", "available"] as const;
export const STOCK_STATUSES = ["out", "low", "in"] as const;

// Read from the items screen's URL, which people edit, bookmark and share: a value that does not fit falls back
// to its default instead of failing the page.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((s) => (s ? s : undefined));

export const itemTableQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
  sort: z.enum(ITEM_TABLE_SORTS).default("sku").catch("sku"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  q: optionalText(100).describe("Part of a SKU or name (any case), or a whole barcode"),
  category: optionalText(1000).describe("A category path; items in its sub-categories are included"),
  supplier: optionalText(64)
    .transform((s) => s?.toUpperCase())
    .describe("Supplier code"),
  site: optionalText(64)
    .transform((s) => s?.toUpperCase())
    .describe("Site code: stock is summed at this site only"),
  status: z.enum(STOCK_STATUSES).optional().catch(undefined).describe("out: nothing available · low: at or below the reorder point · in: above it"),
});

export type ItemTableSort = (typeof ITEM_TABLE_SORTS)[number];
export type StockStatus = (typeof STOCK_STATUSES)[number];
export type ItemTableQuery = z.input<typeof itemTableQuery>;
export type ItemTableParams = z.output<typeof itemTableQuery>;
