import { z } from "zod";
import { codeField } from "../contract/code-field";
import { replayedFlag } from "../contract/replayed-flag";

export const MOVEMENT_KIND_NAMES = ["receive", "issue", "scrap", "damage", "loss", "found", "count", "move", "return"] as const;

const code = codeField;
const isoDate = z.iso.date("Use a date like 2027-03-31");

export const movementInput = z
  .object({
    kind: z
      .enum(MOVEMENT_KIND_NAMES)
      .describe(
        "receive: supplier → to · issue: from → customer · scrap/damage/loss: from → that location · found: loss → to · move: from → to · return: customer → to · count: set `from` (or `to`) to `quantity`",
      ),
    sku: z.string().trim().min(1, "Name the item by its SKU").max(64),
    quantity: z.number().int("Whole units only").min(0).max(1_000_000_000).describe("Units to move; for a count, the counted quantity"),
    from: code.optional().describe("Location code the stock leaves (a bin); virtual ends are implied by the kind"),
    to: code.optional().describe("Location code the stock arrives at"),
    lot: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe("Lot number; required to receive lot-tracked items, chosen by FEFO for issues when omitted"),
    expiresAt: isoDate.optional().describe("Expiry of a new lot (YYYY-MM-DD)"),
    manufacturedAt: isoDate.optional(),
    serials: z.array(z.string().trim().min(1).max(64)).max(10_000).optional().describe("One per unit, for serial-tracked items"),
    unitCost: z.union([z.number().nonnegative(), z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, "A decimal amount like 12.50")]).optional(),
    currency: z.string().length(3).toUpperCase().optional(),
    reason: z.string().trim().min(1, "Choose a reason").max(40).describe("Reason code, e.g. received, sold, damaged, count"),
    note: z.string().trim().max(500).optional(),
    reference: z.string().trim().max(120).optional().describe("Order number, delivery note…"),
    occurredAt: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .describe(
        "When it happened, if before now (late paperwork, opening balances): not in the future, not in a closed month. A batch happens at one time: every movement of it gives the same or none",
      ),
    overrideConditions: z
      .string()
      .trim()
      .min(3)
      .max(300)
      .optional()
      .describe("Managers only: why the destination may hold this item though its storage conditions do not match"),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== "count" && input.quantity < 1) ctx.addIssue({ code: "custom", path: ["quantity"], message: "Move at least 1 unit" });
    if (input.serials && new Set(input.serials).size !== input.serials.length)
      ctx.addIssue({ code: "custom", path: ["serials"], message: "A serial is listed twice" });
  })
  .meta({ id: "MovementInput" });

export const movementValuation = z
  .object({
    method: z.enum(["fifo", "average", "standard"]).describe("The costing method of the item at the site it left (or entered)"),
    unitCost: z.string().describe("totalCost ÷ quantity, rounded to 4 places (for display)"),
    totalCost: z.string().describe("Exact decimal, 4 places: the value that left the site's stock (or entered it)"),
    variance: z.string().describe("Standard cost: what the units cost beyond their standard value (purchase price variance); else 0"),
  })
  .meta({ id: "MovementValuation" });

export const movementView = z
  .object({
    id: z.string(),
    kind: z.string(),
    sku: z.string(),
    quantity: z.number().int(),
    from: z.string(),
    to: z.string(),
    lot: z.string().nullable(),
    expiresOn: z.string().nullable(),
    unitCost: z.string().nullable(),
    currency: z.string().nullable(),
    reason: z.string(),
    note: z.string().nullable(),
    reference: z.string().nullable(),
    actor: z.string(),
    at: z.string().describe("When it was recorded"),
    occurredAt: z.string().describe("When it happened (the same as `at` unless it was posted with an earlier `occurredAt`)"),
    reverses: z.string().nullable(),
    serials: z.array(z.string()),
    valuation: movementValuation
      .nullable()
      .describe("What the units moved were worth at their site's cost; null for a move between locations of one site"),
  })
  .meta({ id: "Movement" });

export const levelView = z
  .object({
    sku: z.string(),
    location: z.string(),
    lot: z.string().nullable(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    site: z.string().optional().describe("Code of the location's site"),
    isInTransit: z.boolean().optional().describe("true for a site's in-transit location (stock on its way to another site)"),
  })
  .meta({ id: "StockLevel" });

export const postedMovement = z
  .object({
    postingId: z.string().nullable().describe("Groups the movements of this request; null when nothing was posted"),
    movement: movementView.nullable().describe("The (first) movement posted; null when a count found nothing to correct"),
    movements: z.array(movementView).describe("Every movement posted: an issue by FEFO may take from several lots"),
    levels: z.array(levelView).describe("The stock levels the posting touched, as they are now"),
    replayed: replayedFlag,
  })
  .meta({ id: "PostedMovement" });

export type MovementInput = z.input<typeof movementInput>;
export type ParsedMovementInput = z.output<typeof movementInput>;
export type MovementView = z.infer<typeof movementView>;
export type MovementValuation = z.infer<typeof movementValuation>;
export type LevelView = z.infer<typeof levelView>;
export type PostedMovement = z.infer<typeof postedMovement>;
