import { z } from "zod";
import { isKnownEventType } from "./catalogue";

const typeList = z
  .string()
  .trim()
  .transform((text) =>
    text
      .split(",")
      .map((type) => type.trim())
      .filter(Boolean),
  )
  .refine((types) => types.every(isKnownEventType), { message: "Unknown event type: see /api/events/schema.json for the catalogue" });

export const eventFeedQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/, "A cursor is the `next` of an earlier answer")
    .optional()
    .describe("`next` of the previous answer; left out, the feed starts at the oldest event it keeps (30 days)"),
  types: typeList.optional().describe('Comma-separated types or families: "stock.changed,order.*"'),
  site: z.string().trim().min(1).max(32).optional().describe("Only events of this site (by code)"),
  limit: z.coerce.number().int().min(1).max(1000).optional().describe("At most this many events, 100 when left out"),
});
/** The feed query as parsed (types split into a list). */
export type EventFeedFilter = z.output<typeof eventFeedQuery>;

export const publishedEvent = z
  .object({
    id: z.string().describe("Unique per event; the same id in webhooks (webhook-id) and NATS (Nats-Msg-Id)"),
    type: z.string(),
    version: z.number().int(),
    occurredAt: z.string(),
    subject: z.string().describe('The stream the sequence counts in: "stock:<sku>", "order:<id>", …'),
    sequence: z.number().int().describe("1, 2, 3 … per subject; a skip is a missed event"),
    site: z.string().nullable(),
    data: z.unknown(),
  })
  .meta({ id: "Event" });

export const eventFeedPage = z.object({
  data: z.array(publishedEvent),
  next: z.string().describe("Send as `after` to get what follows; the same cursor when nothing new has come"),
});
