import { z } from "zod";
import { codeField } from "../contract/code-field";
import { postedMovement } from "../ledger/schemas";
import { replayedFlag } from "../contract/replayed-flag";

const code = codeField;
const quantity = z.number().int("Whole units only").min(1, "At least 1 unit").max(1_000_000_000);

export const PICK_LIST_STATUSES = ["open", "done", "cancelled"] as const;

export const pickListLineInput = z
  .object({
    sku: z.string().trim().min(1, "Name the item by its SKU").max(64),
    quantity: quantity.describe("Units to pick"),
    lot: z.string().trim().min(1).max(64).optional().describe("Pick this lot only; otherwise lots are chosen first-expiring-first"),
    from: code.optional().describe("Bin to pick from; when omitted the bins holding the stock are chosen (a line may be split over several)"),
  })
  .meta({ id: "PickListLineInput" });

export const pickListInput = z
  .object({
    site: code.describe("Code of the site the order is picked at").meta({ example: "WH1" }),
    reference: z
      .string()
      .trim()
      .min(1, "Enter the order number")
      .max(120)
      .optional()
      .describe("The order number; unique per site. When left out one is made up (PL-20261127-4F3A9C2B)")
      .meta({ example: "SO-10042" }),
    lines: z.array(pickListLineInput).min(1, "Add at least one line").max(500),
  })
  .meta({ id: "PickListInput" });

export const pickListLineView = z
  .object({
    lineNo: z.number().int().describe("1, 2, 3… in the order they are to be picked"),
    sku: z.string(),
    name: z.string(),
    gtin: z.string().nullable(),
    tracking: z.enum(["none", "lot", "serial"]),
    lot: z.string().nullable(),
    from: z.string().describe("Code of the bin to pick from"),
    quantity: z.number().int(),
    picked: z.number().int(),
    remaining: z.number().int(),
  })
  .meta({ id: "PickListLine" });

export const pickStop = z
  .object({
    seq: z.number().int().describe("Place in the walk, 1, 2, 3…; the same as the line's lineNo"),
    location: z.string().describe("Code of the bin to pick from"),
    sku: z.string(),
    lot: z.string().optional().describe("The lot to take, for lot-tracked items"),
    quantity: z.number().int(),
  })
  .meta({ id: "PickStop" });

export const pickListView = z
  .object({
    id: z.string(),
    site: z.string(),
    reference: z.string(),
    status: z.enum(PICK_LIST_STATUSES),
    createdAt: z.string(),
    createdBy: z.string(),
    lines: z.array(pickListLineView),
    stops: z.array(pickStop).describe("The lines as a walk: bin, item and quantity in picking order (confirm them by seq)"),
    orders: z
      .array(z.object({ id: z.string(), number: z.string() }))
      .describe("The orders this list picks (one order, or a wave); empty for a plain list, whose picks issue to the customer"),
  })
  .meta({ id: "PickList" });

export const routedPickList = pickListView
  .extend({
    routeLength: z
      .number()
      .nullable()
      .describe("Metres walked from the site's dock through the stops and back, on its map; null when the site has no map"),
    naiveLength: z.number().nullable().describe("The same walk with the stops in bin-code order, for comparison; null when the site has no map"),
    replayed: replayedFlag,
  })
  .meta({ id: "RoutedPickList" });

export const pickListSummary = z
  .object({
    id: z.string(),
    site: z.string(),
    reference: z.string(),
    status: z.enum(PICK_LIST_STATUSES),
    lineCount: z.number().int(),
    pickedLines: z.number().int().describe("Lines picked in full"),
    createdAt: z.string(),
  })
  .meta({ id: "PickListSummary" });

export const pickListQuery = z.object({
  site: code.optional().describe("Only this site"),
  status: z.enum(PICK_LIST_STATUSES).optional(),
});

export const pickInput = z
  .object({
    lineNo: z.number().int().min(1).describe("The line being picked"),
    from: code.describe("The bin code scanned: must be the line's bin"),
    sku: z.string().trim().min(1, "Scan or enter the SKU").max(64).describe("The item scanned: must be the line's item"),
    lot: z.string().trim().min(1).max(64).optional().describe("The lot scanned: must be the line's lot when it names one"),
    serials: z.array(z.string().trim().min(1).max(64)).max(10_000).optional().describe("One per unit, for serial-tracked items"),
    quantity: quantity.describe("Units taken; at most what remains on the line"),
  })
  .meta({ id: "PickInput" });

export const stopPickInput = z
  .object({
    seq: z.number().int().min(1).describe("The stop being picked (its seq in `stops`)"),
    quantity: quantity.describe("Units taken; at most what remains on the stop"),
    serials: z.array(z.string().trim().min(1).max(64)).max(10_000).optional().describe("One per unit, for serial-tracked items"),
  })
  .meta({ id: "StopPickInput" });

export const pickConfirmation = z
  .object({
    pickList: pickListView,
    movement: postedMovement.describe(
      "The movement posted: an issue (bin → customer, reason sold) on a plain list; on an order's list a move to the site's staging location (reason picked)",
    ),
    replayed: replayedFlag,
  })
  .meta({ id: "PickConfirmation" });

export const wavePickListInput = z
  .object({
    orders: z.array(z.string().describe("An order's id")).min(1, "Name at least one order").max(200).describe("Allocated orders of one site"),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe("The wave's name, unique per site; made up when left out (WAVE-20261204-4F3A9C2B)"),
  })
  .meta({ id: "WavePickListInput" });

export type PickListInput = z.input<typeof pickListInput>;
export type PickListView = z.infer<typeof pickListView>;
export type RoutedPickList = z.infer<typeof routedPickList>;
export type StopPickInput = z.input<typeof stopPickInput>;
export type PickListSummary = z.infer<typeof pickListSummary>;
export type PickListQuery = z.input<typeof pickListQuery>;
export type PickInput = z.input<typeof pickInput>;
export type PickConfirmation = z.infer<typeof pickConfirmation>;
