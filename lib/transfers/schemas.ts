import { z } from "zod";
import { codeField } from "../contract/code-field";
import { movementView } from "../ledger/schemas";
import { replayedFlag } from "../contract/replayed-flag";

const code = codeField;
const sku = z.string().trim().min(1, "Name the item by its SKU").max(64);
const serials = z.array(z.string().trim().min(1).max(64)).max(10_000);
const units = z.number().int("Whole units only").min(0).max(1_000_000_000);

export const TRANSFER_STATUSES = ["draft", "approved", "shipped", "receiving", "closed", "cancelled"] as const;
export const TRANSFER_STEPS = ["created", "approved", "shipped", "received", "closed", "cancelled"] as const;

const unique = (values: string[] | undefined) => !values || new Set(values).size === values.length;

export const transferLineInput = z
  .object({
    sku,
    quantity: units.min(1, "At least 1 unit").describe("Units to send"),
    lot: z.string().trim().min(1).max(64).optional().describe("Send this lot only; otherwise lots are chosen first-expiring-first when shipping"),
    serials: serials.optional().describe("Serial-tracked items: the units to send, one per unit"),
  })
  .refine((line) => unique(line.serials), { path: ["serials"], message: "A serial is listed twice" })
  .meta({ id: "TransferLineInput" });

export const transferInput = z
  .object({
    from: code.describe("Code of the site the stock leaves").meta({ example: "WH1" }),
    to: code.describe("Code of the site the stock goes to").meta({ example: "WH2" }),
    lines: z.array(transferLineInput).min(1, "Add at least one line").max(500).describe("One line per SKU"),
    reference: z.string().trim().min(1).max(120).optional().describe("Your reference, printed on the movements").meta({ example: "TR-2026-0042" }),
  })
  .meta({ id: "TransferInput" });

export const shipInput = z
  .object({
    lines: z
      .array(
        z.object({
          lineNo: z.number().int().min(1).describe("The transfer line"),
          from: code.describe("Bin at the source site to take this line's units from"),
        }),
      )
      .max(500)
      .optional()
      .describe("Source bins for some lines; the other lines take from the bins holding the stock (first-expiring-first for lots)"),
  })
  .meta({ id: "TransferShipInput" });

export const receiptLineInput = z
  .object({
    sku,
    quantity: units.describe("Good units put away into `to`; more than is still in transit is recorded as over"),
    lot: z.string().trim().min(1).max(64).optional().describe("The lot received; otherwise taken from the lots in transit, first-expiring-first"),
    to: code.optional().describe("Bin at the destination site; required when quantity > 0"),
    damaged: units.optional().describe("Units that arrived damaged: posted to the destination's damage location"),
    serials: serials.optional().describe("Serial-tracked items: the good units received"),
    damagedSerials: serials.optional().describe("Serial-tracked items: the damaged units"),
  })
  .superRefine((line, ctx) => {
    if (line.quantity + (line.damaged ?? 0) < 1)
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "Receive at least 1 unit (good or damaged)" });
    if (line.quantity > 0 && !line.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Name the bin the good units go to" });
    if (!unique([...(line.serials ?? []), ...(line.damagedSerials ?? [])]))
      ctx.addIssue({ code: "custom", path: ["serials"], message: "A serial is listed twice" });
  })
  .meta({ id: "TransferReceiptLineInput" });

export const receiveInput = z
  .object({
    lines: z.array(receiptLineInput).max(500).default([]),
    close: z
      .boolean()
      .optional()
      .describe("Close the transfer after this receipt: whatever is still in transit is posted to the source's loss location as short"),
  })
  .superRefine((input, ctx) => {
    if (input.lines.length === 0 && !input.close)
      ctx.addIssue({ code: "custom", path: ["lines"], message: "Add at least one line, or close the transfer" });
  })
  .meta({ id: "TransferReceiveInput" });

export const transferQuery = z.object({
  status: z.enum(TRANSFER_STATUSES).optional(),
  site: code.optional().describe("Only transfers from or to this site"),
});

export const transferLineView = z
  .object({
    lineNo: z.number().int(),
    sku: z.string(),
    name: z.string(),
    tracking: z.enum(["none", "lot", "serial"]),
    lot: z.string().nullable().describe("The lot asked for; null when chosen at shipping"),
    serials: z.array(z.string()),
    quantity: z.number().int(),
    held: z.number().int().describe("Units held at the source site for this line until it ships or is cancelled (no one else can promise them)"),
    shipped: z.number().int(),
    received: z.number().int().describe("Good units put away, over-receipts included"),
    damaged: z.number().int(),
    short: z.number().int().describe("Shipped but never arrived: posted to the source's loss location on close"),
    over: z.number().int().describe("Received beyond what was shipped: posted from the destination's loss location (found)"),
    inTransit: z.number().int(),
  })
  .meta({ id: "TransferLine" });

export const transferDiscrepancy = z
  .object({ lineNo: z.number().int(), sku: z.string(), kind: z.enum(["short", "damaged", "over"]), quantity: z.number().int() })
  .meta({ id: "TransferDiscrepancy" });

export const transferStepView = z
  .object({
    step: z.enum(TRANSFER_STEPS),
    at: z.string(),
    actor: z.string(),
    postingId: z.string().nullable(),
    movements: z.array(movementView).describe("What the step posted in the ledger"),
  })
  .meta({ id: "TransferStep" });

export const transferView = z
  .object({
    id: z.string(),
    status: z.enum(TRANSFER_STATUSES),
    from: z.string().describe("Source site code"),
    to: z.string().describe("Destination site code"),
    reference: z.string().nullable(),
    value: z.string().nullable().describe("Σ quantity × the preferred supplier's unit cost, when drafted"),
    currency: z.string().nullable(),
    needsApproval: z.boolean().describe("Whether the value exceeds STOCKROOM_TRANSFER_APPROVAL_LIMIT, so a manager must approve before shipping"),
    createdAt: z.string(),
    createdBy: z.string(),
    lines: z.array(transferLineView),
    discrepancies: z.array(transferDiscrepancy),
    steps: z.array(transferStepView),
    replayed: replayedFlag,
  })
  .meta({ id: "Transfer" });

export const transferSummary = z
  .object({
    id: z.string(),
    status: z.enum(TRANSFER_STATUSES),
    from: z.string(),
    to: z.string(),
    reference: z.string().nullable(),
    value: z.string().nullable(),
    needsApproval: z.boolean(),
    lineCount: z.number().int(),
    units: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "TransferSummary" });

export type TransferInput = z.input<typeof transferInput>;
export type ShipInput = z.input<typeof shipInput>;
export type ReceiveInput = z.input<typeof receiveInput>;
export type ParsedReceiveInput = z.output<typeof receiveInput>;
export type TransferQuery = z.input<typeof transferQuery>;
export type TransferView = z.infer<typeof transferView>;
export type TransferSummary = z.infer<typeof transferSummary>;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export type TransferStepName = (typeof TRANSFER_STEPS)[number];
