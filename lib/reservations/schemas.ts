import { z } from "zod";
import { codeField } from "../contract/code-field";
import { replayedFlag } from "../contract/replayed-flag";

export const RESERVATION_STATUSES = ["active", "released", "expired", "fulfilled"] as const;

/** 15 minutes unless said; at most 7 days; null holds until released (orders hold this way). */
export const DEFAULT_TTL_SECONDS = 15 * 60;
export const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;

const quantity = z.number().int("Whole units only").min(1, "At least 1 unit").max(1_000_000_000);
const ttlSeconds = z.number().int("Whole seconds only").min(1, "At least 1 second").max(MAX_TTL_SECONDS, "At most 7 days (604800 seconds)");
const reference = z.string().trim().min(1, "Say what the stock is reserved for (an order or basket number)").max(120);
const sku = z.string().trim().min(1, "Name the item by its SKU").max(64);

export const reservationInput = z
  .object({
    sku: sku.meta({ example: "DRILL-18V" }),
    quantity: quantity.describe("Units to reserve"),
    site: codeField.describe("Code of the site whose stock is reserved").meta({ example: "WH1" }),
    lot: z.string().trim().min(1).max(64).optional().describe("Reserve from this lot only; otherwise lots are taken first-expiring-first"),
    ttlSeconds: ttlSeconds
      .nullable()
      .optional()
      .describe("Seconds until the reservation expires and its stock is released; 900 when left out, null to hold until released"),
    reference: reference.describe("What the stock is reserved for: a basket, an order number").meta({ example: "cart-8841" }),
    channel: z.string().trim().min(1).max(64).optional().describe("The shop or system reserving, e.g. shopify"),
    allowPartial: z.boolean().optional().describe("Reserve what is available when less than asked for, instead of refusing"),
  })
  .meta({ id: "ReservationInput" });

export const extendInput = z
  .object({ ttlSeconds: ttlSeconds.describe("The reservation expires this many seconds from now") })
  .meta({ id: "ReservationExtendInput" });

export const fulfilInput = z
  .object({
    quantity: quantity.optional().describe("Units to issue; everything still held when left out"),
    serials: z.array(z.string().trim().min(1).max(128)).max(10_000).optional().describe("For serial-tracked items: the serials that leave"),
    reference: z.string().trim().min(1).max(120).optional().describe("Carried on the movements; the reservation's reference when left out"),
  })
  .meta({ id: "ReservationFulfilInput" });

export const reservationQuery = z.object({
  reference: z.string().trim().min(1).max(120).optional(),
  status: z.enum(RESERVATION_STATUSES).optional(),
  sku: z.string().trim().min(1).max(64).optional(),
  site: codeField.optional(),
  cursor: z.string().uuid().optional().describe("`next` of the previous page"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("Page size, 100 when left out"),
});

export const allocationView = z
  .object({ location: z.string(), lot: z.string().nullable(), quantity: z.number().int() })
  .meta({ id: "ReservationAllocation" });

export const reservationView = z
  .object({
    id: z.string(),
    status: z.enum(RESERVATION_STATUSES),
    sku: z.string(),
    site: z.string(),
    lot: z.string().nullable().describe("The lot asked for, if one was"),
    requestedQuantity: z.number().int(),
    quantity: z.number().int().describe("Units granted (less than requested only with allowPartial)"),
    held: z.number().int().describe("Units still reserved"),
    fulfilled: z.number().int().describe("Units issued to the customer"),
    reference: z.string(),
    channel: z.string().nullable(),
    orderNumber: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    createdBy: z.string(),
    allocations: z.array(allocationView).describe("Where the held units are, by bin and lot"),
    replayed: replayedFlag,
  })
  .meta({ id: "Reservation" });

export const fulfilment = reservationView
  .extend({ postingId: z.string().describe("The ledger posting of the issue"), movements: z.array(z.string()).describe("Ids of its movements") })
  .meta({ id: "ReservationFulfilment" });

export type ReservationInput = z.input<typeof reservationInput>;
export type ReservationQuery = z.input<typeof reservationQuery>;
export type ReservationView = z.infer<typeof reservationView>;
export type FulfilInput = z.input<typeof fulfilInput>;
export type Fulfilment = z.infer<typeof fulfilment>;
