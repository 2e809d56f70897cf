import { z } from "zod";
import { codeField } from "../contract/code-field";
import { replayedFlag } from "../contract/replayed-flag";
import { decimalAmount } from "../money/decimal-amount";

export const PURCHASE_ORDER_STATUSES = ["draft", "approved", "sent", "partially_received", "received", "cancelled", "closed"] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
export const PURCHASE_ORDER_STEPS = ["created", "approved", "sent", "confirmed", "shipped", "received", "cancelled", "closed"] as const;
export type PurchaseOrderStep = (typeof PURCHASE_ORDER_STEPS)[number];

const isoDate = z.iso.date("Use a date like 2027-03-31");
const sku = z.string().trim().min(1, "Name the item by its SKU").max(64);
const quantity = z.number().int("Whole units only (in the item's unit)").min(1, "At least 1 unit").max(1_000_000_000);
const serials = z.array(z.string().trim().min(1).max(64)).max(10_000).optional().describe("One per unit, for serial-tracked items");
const lot = z.string().trim().min(1).max(64).optional().describe("Lot number; required for lot-tracked items");
const sscc = z
  .string()
  .trim()
  .regex(/^\d{18}$/, "An SSCC has 18 digits")
  .describe("The pallet's Serial Shipping Container Code (GS1 AI 00)")
  .meta({ example: "376123450000000018" });

/** Each SKU at most once: a line per item keeps receipts and counters unambiguous. */
function skusOnce(lines: { sku: string }[], ctx: z.RefinementCtx) {
  lines.forEach((line, index) => {
    if (lines.findIndex((other) => other.sku.toLowerCase() === line.sku.toLowerCase()) !== index)
      ctx.addIssue({ code: "custom", path: [index, "sku"], message: "Listed twice: one line per SKU" });
  });
}

export const purchaseOrderInput = z
  .object({
    supplier: z.string().trim().toUpperCase().min(1, "Enter a supplier code").describe("Supplier code"),
    site: codeField.describe("Code of the site the goods are delivered to"),
    expectedAt: isoDate.optional().describe("When the goods are expected (YYYY-MM-DD)"),
    lines: z
      .array(
        z.object({
          sku,
          quantity,
          unitCost: decimalAmount
            .optional()
            .describe("Price per unit; when left out, the supplier's price break for this quantity, else its unit cost"),
        }),
      )
      .min(1, "Order at least one line")
      .max(500)
      .superRefine(skusOnce),
  })
  .meta({ id: "PurchaseOrderInput" });

export const purchaseOrderQuery = z.object({
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
  supplier: z.string().trim().toUpperCase().optional().describe("Supplier code"),
  site: z.string().trim().toUpperCase().optional().describe("Site code"),
  sscc: sscc.optional().describe("The purchase order an advance shipping notice with this SSCC belongs to"),
});

export const PURCHASE_ORDER_TABLE_SORTS = ["created", "number", "supplier", "site", "expected", "total", "status"] as const;
export type PurchaseOrderTableSort = (typeof PURCHASE_ORDER_TABLE_SORTS)[number];

/** The purchase-order page's query: a page of the list, sorted; values that do not fit fall back to the defaults. */
export const purchaseOrderTableQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
  sort: z.enum(PURCHASE_ORDER_TABLE_SORTS).default("created").catch("created"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  status: z.enum(PURCHASE_ORDER_STATUSES).optional().catch(undefined),
});
export type PurchaseOrderTableParams = z.output<typeof purchaseOrderTableQuery>;

export const confirmInput = z
  .object({
    lines: z
      .array(z.object({ sku, quantity: z.number().int().min(0).max(1_000_000_000), promisedAt: isoDate }))
      .min(1)
      .max(500)
      .superRefine(skusOnce),
  })
  .meta({ id: "PurchaseOrderConfirmation" });

export const shippingNoticeInput = z
  .object({
    sscc: sscc.optional(),
    shipDate: isoDate,
    expectedAt: isoDate,
    lines: z
      .array(z.object({ sku, quantity, lot, expiresAt: isoDate.optional(), serials }))
      .min(1)
      .max(500)
      .superRefine(skusOnce),
  })
  .meta({ id: "AdvanceShippingNoticeInput" });

export const purchaseReceiptInput = z
  .object({
    to: codeField.describe("Code of the location (a bin) good units go to; damaged units go to the site's quarantine location"),
    sscc: sscc.optional().describe("Receive everything on the advance shipping notice with this SSCC, at once"),
    lines: z
      .array(
        z.object({
          sku,
          quantity: z.number().int("Whole units only").min(0).max(1_000_000_000).describe("Good units"),
          lot,
          expiresAt: isoDate.optional(),
          serials,
          damaged: z.number().int("Whole units only").min(0).max(1_000_000_000).optional().describe("Units that arrived damaged, besides `quantity`"),
        }),
      )
      .min(1)
      .max(500)
      .superRefine(skusOnce)
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.sscc === !input.lines)
      ctx.addIssue({ code: "custom", path: ["lines"], message: "Send either the SSCC of an advance shipping notice or the lines received" });
    input.lines?.forEach((line, index) => {
      if (line.quantity + (line.damaged ?? 0) < 1)
        ctx.addIssue({ code: "custom", path: ["lines", index, "quantity"], message: "Receive at least 1 unit" });
    });
  })
  .meta({ id: "PurchaseReceiptInput" });

const lineView = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int().describe("Ordered, in the item's unit"),
  unitCost: z.string().describe("Decimal string with 4 decimals, exact"),
  amount: z.string().describe("quantity × unitCost, exact"),
  received: z.number().int().describe("Good units received into stock"),
  damaged: z.number().int().describe("Units that arrived damaged"),
  outstanding: z.number().int().describe("Ordered − received, never below 0 (a backorder while the order is open)"),
  confirmedQuantity: z.number().int().nullable(),
  promisedAt: z.string().nullable(),
});

export const purchaseOrderSummary = z.object({
  id: z.string(),
  number: z.string(),
  supplier: z.string().describe("Supplier code"),
  supplierName: z.string(),
  site: z.string().describe("Site code"),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  expectedAt: z.string().nullable(),
  currency: z.string(),
  total: z.string().describe("Σ line amounts, exact, in `currency`"),
  createdBy: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const purchaseOrderView = purchaseOrderSummary
  .extend({
    needsAdmin: z.boolean().describe("Worth more than the installation's approval limit: only an admin may approve it"),
    lines: z.array(lineView),
    history: z.array(
      z.object({
        step: z.enum(PURCHASE_ORDER_STEPS),
        status: z.enum(PURCHASE_ORDER_STATUSES),
        actor: z.string(),
        at: z.string(),
        note: z.string().nullable(),
        detail: z.unknown().optional(),
      }),
    ),
    shipments: z.array(
      z.object({
        id: z.string(),
        sscc: z.string().nullable(),
        shipDate: z.string(),
        expectedAt: z.string(),
        lines: z.array(
          z.object({
            sku: z.string(),
            quantity: z.number().int(),
            lot: z.string().optional(),
            expiresAt: z.string().optional(),
            serials: z.array(z.string()).optional(),
          }),
        ),
        receivedAt: z.string().nullable(),
      }),
    ),
    replayed: replayedFlag,
  })
  .meta({ id: "PurchaseOrder" });

export const stepNote = z
  .object({ note: z.string().trim().max(500).optional().describe("Why, for the history") })
  .meta({ id: "PurchaseOrderStepNote" });

export const SEND_VIAS = ["email", "webhook", "manual"] as const;
export type SendVia = (typeof SEND_VIAS)[number];

export const sendPurchaseOrderInput = z
  .object({
    via: z
      .enum(SEND_VIAS, { error: 'Choose "email", "webhook" or "manual"' })
      .optional()
      .describe(
        "email: the PDF to `to`; webhook: the order as signed JSON to the supplier's orderWebhookUrl; manual: only mark it sent (you send the PDF or CSV yourself). Left out: email when `to` is given, or when the supplier has an e-mail address and mail is set up; else manual",
      ),
    to: z.email("Enter a valid e-mail address").optional().describe("With via email: the address, else the supplier's e-mail"),
    note: stepNote.shape.note,
  })
  .meta({ id: "SendPurchaseOrderInput" });

export type PurchaseOrderInput = z.input<typeof purchaseOrderInput>;
export type SendPurchaseOrderInput = z.input<typeof sendPurchaseOrderInput>;
export type PurchaseOrderQuery = z.input<typeof purchaseOrderQuery>;
export type ConfirmInput = z.input<typeof confirmInput>;
export type ShippingNoticeInput = z.input<typeof shippingNoticeInput>;
export type ParsedShippingNotice = z.output<typeof shippingNoticeInput>;
export type PurchaseReceiptInput = z.input<typeof purchaseReceiptInput>;
export type ParsedPurchaseReceipt = z.output<typeof purchaseReceiptInput>;
export type PurchaseOrderSummary = z.infer<typeof purchaseOrderSummary>;
export type PurchaseOrderView = z.infer<typeof purchaseOrderView>;

export const suggestionsQuery = z.object({ site: codeField.describe("The site to replenish") });

export const suggestionsView = z
  .object({
    site: z.string(),
    data: z.array(
      z.object({
        supplier: z.string().describe("Supplier code"),
        supplierName: z.string(),
        lines: z.array(
          z.object({
            sku: z.string(),
            quantity: z.number().int().describe("Units to order: whole packs, at least the minimum order quantity"),
            packSize: z.number().int(),
            minOrderQty: z.number().int().nullable(),
            available: z.number().int(),
            onOrder: z.number().int().describe("Still to come on open purchase orders (drafts included)"),
            reorderPoint: z.number().int(),
            reason: z.string().describe("Why, in words"),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "PurchaseSuggestions" });
export type SuggestionsView = z.infer<typeof suggestionsView>;

export const draftScheduleInput = z.object({
  site: codeField.describe("The site whose suggestions are drafted"),
  schedule: z.enum(["off", "daily", "weekly"]).describe("off, daily (from 06:00 site time) or weekly (from Monday 06:00 site time)"),
});

export const draftScheduleView = z
  .object({
    site: z.string(),
    schedule: z.enum(["off", "daily", "weekly"]),
    lastRun: z
      .object({
        period: z.string().describe('The day ("2026-12-04") or ISO week ("2026-W49") it drafted for'),
        at: z.string(),
        orders: z.array(z.string()).describe("Numbers of the draft purchase orders it made"),
        skipped: z.array(z.object({ supplier: z.string(), reason: z.string() })).describe("Suppliers whose suggestion could not become an order"),
      })
      .nullable(),
  })
  .meta({ id: "PurchaseDraftSchedule" });
