import { z } from "zod";
import { codeField } from "../contract/code-field";
import { replayedFlag } from "../contract/replayed-flag";

export const REPLENISHMENT_STATUSES = ["open", "done", "cancelled"] as const;

export const replenishmentView = z
  .object({
    id: z.string(),
    site: z.string(),
    sku: z.string(),
    itemName: z.string(),
    lot: z.string().nullable(),
    from: z.string().describe("The reserve bin to take the units from"),
    to: z.string().describe("The pick face to refill"),
    quantity: z.number().int().describe("Units to move: up to the face's capacity, as far as the reserve bin has them"),
    status: z.enum(REPLENISHMENT_STATUSES),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    postingId: z.string().nullable(),
  })
  .meta({ id: "Replenishment" });
export type ReplenishmentView = z.infer<typeof replenishmentView>;

export const replenishmentQuery = z.object({
  site: codeField.optional(),
  status: z.enum(REPLENISHMENT_STATUSES).optional().describe("open when left out"),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const confirmReplenishmentInput = z
  .object({
    quantity: z
      .number()
      .int("Whole units only")
      .min(1, "At least 1 unit")
      .optional()
      .describe("Units actually moved, when fewer than planned; the planned quantity when left out"),
  })
  .meta({ id: "ReplenishmentConfirmInput" });

export const replenishmentConfirmation = replenishmentView.extend({ replayed: replayedFlag });

export const refillInput = z
  .object({
    capacityUnits: z.number().int().positive("Capacity is at least 1 unit").max(1_000_000_000).describe("How many units fit on the face"),
    refillLevel: z
      .number()
      .int("Whole units only")
      .min(0, "Not below 0")
      .nullable()
      .describe("Refill when an item's units here fall to this level (below the capacity); null: no longer a pick face"),
  })
  .refine((input) => input.refillLevel === null || input.refillLevel < input.capacityUnits, {
    path: ["refillLevel"],
    message: "The refill level must be below the capacity",
  })
  .meta({ id: "RefillInput" });
