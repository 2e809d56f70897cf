import { z } from "zod";
import { codeField } from "../contract/code-field";
import { replayedFlag } from "../contract/replayed-flag";
import { isoDay } from "../reports/report"; // a calendar day, as every date input is

export const ORDER_STATUSES = ["backordered", "allocated", "picking", "picked", "packed", "shipped", "cancelled"] as const;
export const RETURN_CONDITIONS = ["restock", "quarantine", "damaged"] as const;

const quantity = z.number().int("Whole units only").min(1, "At least 1 unit").max(1_000_000);
const sku = z.string().trim().min(1, "Name the item by its SKU").max(64);

export const orderInput = z
  .object({
    reference: z
      .string()
      .trim()
      .min(1, "Enter the order's reference")
      .max(120)
      .describe("Your order number; unique per channel")
      .meta({ example: "#1042" }),
    customer: z.object({
      name: z.string().trim().min(1, "Enter the customer's name").max(200),
      email: z.string().trim().email("An e-mail address").max(254).optional(),
      address: z.string().trim().min(1).max(1000).optional(),
    }),
    lines: z
      .array(z.object({ sku: sku.meta({ example: "DRILL-18V" }), quantity }))
      .min(1, "Add at least one line")
      .max(500)
      .refine((lines) => new Set(lines.map((l) => l.sku.toLowerCase())).size === lines.length, "One line per SKU"),
    site: codeField.optional().describe("Ship from this site only; otherwise the site that can ship everything is chosen"),
    promisedShipDate: isoDay.optional().describe("The day the order must leave; later than this it is late"),
    allowSplit: z.boolean().optional().describe("Allocate across several sites when no one site holds everything"),
    channel: z.string().trim().min(1).max(64).optional().describe("The shop or system the order came from; `direct` when left out"),
  })
  .meta({ id: "OrderInput" });

export const shipOrderInput = z
  .object({
    carrier: z.string().trim().min(1, "Name the carrier").max(64),
    trackingNumber: z.string().trim().min(1, "Enter the tracking number").max(128),
    serials: z
      .array(z.object({ sku, serials: z.array(z.string().trim().min(1).max(128)).min(1).max(10_000) }))
      .max(500)
      .optional()
      .describe("Serial-tracked items: the serials that leave, per SKU"),
  })
  .meta({ id: "OrderShipInput" });

export const returnInput = z
  .object({
    lines: z
      .array(
        z.object({
          sku,
          quantity,
          lot: z.string().trim().min(1).max(64).optional(),
          serials: z.array(z.string().trim().min(1).max(128)).max(10_000).optional(),
          condition: z
            .enum(RETURN_CONDITIONS)
            .describe("restock: back to a bin; quarantine: held back in the site's quarantine; damaged: written off"),
          location: codeField.optional().describe("Restock into this bin; the bin it was picked from when left out"),
        }),
      )
      .min(1, "Add at least one line")
      .max(500),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: "OrderReturnInput" });

export const packageItemInput = z
  .object({
    code: z.string().trim().min(1).max(500).optional().describe("What was scanned: a GTIN or GS1 code, a SKU, an alias barcode, a serial"),
    sku: sku.optional().describe("The item by its SKU, when typed rather than scanned"),
    quantity: quantity.optional().describe("Units put in the package; 1 when left out (one scan, one unit)"),
  })
  .refine((input) => (input.code === undefined) !== (input.sku === undefined), { message: "Send either `code` or `sku`", path: ["code"] })
  .meta({ id: "PackageItemInput" });

const millimetres = z.number().int("Whole millimetres").min(1, "At least 1 mm").max(10_000);
export const closePackageInput = z
  .object({
    weightGrams: z.number().int("Whole grams").min(1, "At least 1 g").max(1_000_000),
    lengthMm: millimetres,
    widthMm: millimetres,
    heightMm: millimetres,
  })
  .meta({ id: "ClosePackageInput" });

export const packageView = z
  .object({
    number: z.number().int().describe("1, 2, 3… within the order"),
    contents: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    weightGrams: z.number().int().nullable(),
    lengthMm: z.number().int().nullable(),
    widthMm: z.number().int().nullable(),
    heightMm: z.number().int().nullable(),
    closedAt: z.string().nullable().describe("null while the package is open"),
  })
  .meta({ id: "OrderPackage" });

export const orderQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  late: z.enum(["true", "false"]).optional().describe("true: only orders past their promised ship date and not shipped"),
  channel: z.string().trim().min(1).max(64).optional(),
  site: codeField.optional(),
  q: z.string().trim().min(1).max(120).optional().describe("An order number, reference or customer name"),
  cursor: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const orderLineView = z
  .object({
    lineNo: z.number().int(),
    sku: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    allocated: z.number().int().describe("Units held for the line now (in bins or staging)"),
    backordered: z.number().int().describe("Units waiting for stock"),
    picked: z.number().int(),
    packed: z.number().int(),
    shipped: z.number().int(),
    returned: z.number().int(),
  })
  .meta({ id: "OrderLine" });

export const orderView = z
  .object({
    id: z.string(),
    number: z.string(),
    reference: z.string(),
    channel: z.string(),
    status: z.enum(ORDER_STATUSES),
    late: z.boolean().describe("Past its promised ship date and not shipped"),
    customer: z.object({ name: z.string(), email: z.string().nullable(), address: z.string().nullable() }),
    site: z.string().nullable(),
    allowSplit: z.boolean(),
    promisedShipDate: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    shippedAt: z.string().nullable(),
    createdAt: z.string(),
    lines: z.array(orderLineView),
    allocations: z.array(
      z.object({
        lineNo: z.number().int(),
        sku: z.string(),
        site: z.string(),
        location: z.string(),
        lot: z.string().nullable(),
        quantity: z.number().int(),
      }),
    ),
    history: z.array(z.object({ status: z.enum(ORDER_STATUSES), at: z.string(), actor: z.string(), note: z.string().nullable() })),
    packages: z.array(packageView),
    replayed: replayedFlag,
  })
  .meta({ id: "Order" });

export const cancelAnswer = orderView
  .extend({
    putBack: z
      .array(z.object({ sku: z.string(), location: z.string(), lot: z.string().nullable(), quantity: z.number().int() }))
      .describe("Picked units waiting in staging: take them back to a bin"),
  })
  .meta({ id: "OrderCancellation" });

export const packingAnswer = z.object({ package: packageView, order: orderView, replayed: replayedFlag }).meta({ id: "OrderPacking" });

export type OrderInput = z.input<typeof orderInput>;
export type OrderView = z.infer<typeof orderView>;
export type OrderQuery = z.input<typeof orderQuery>;
export type ReturnInput = z.input<typeof returnInput>;
export type PackageView = z.infer<typeof packageView>;
export type PackingAnswer = z.infer<typeof packingAnswer>;
export type PackageItemInput = z.input<typeof packageItemInput>;
export type ClosePackageInput = z.input<typeof closePackageInput>;
