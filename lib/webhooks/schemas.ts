import { z } from "zod";

/**
 * An event type a webhook hears: a catalogue name ("stock.changed"), a whole family ("reservation.*") or every
 * event ("*"). Any well-formed name is taken, so an endpoint can subscribe to a type before its first event.
 */
export const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*))$/;

const eventTypes = z
  .array(z.string().regex(EVENT_TYPE_PATTERN, 'An event type ("stock.changed"), a family ("stock.*") or "*" for every event'))
  .min(1, 'Name at least one event type, or "*" for every event')
  .max(100)
  .transform((types) => [...new Set(types)])
  .describe('Event types to hear: names such as "stock.changed", families such as "reservation.*", or ["*"] for all')
  .meta({ example: ["stock.changed"] });

export const webhookUrl = z
  .string()
  .trim()
  .max(2048)
  .url("An absolute http or https URL")
  .refine((url) => /^https?:\/\//i.test(url), "An absolute http or https URL")
  .describe("Where events are POSTed; private and loopback addresses are refused unless the installation allows them")
  .meta({ example: "https://erp.example.com/hooks/stockroom" });

const description = z.string().trim().max(500).describe("What the endpoint is for");

export const webhookInput = z.object({ url: webhookUrl, types: eventTypes, description: description.optional() }).meta({ id: "WebhookInput" });

export const webhookPatch = z
  .object({
    url: webhookUrl.optional(),
    types: eventTypes.optional(),
    description: description.nullable().optional(),
    enabled: z.boolean().optional().describe("false pauses deliveries; true resumes them, also after Stockroom disabled the endpoint"),
  })
  .strict()
  .meta({ id: "WebhookPatch" });

export const webhookView = z
  .object({
    id: z.string(),
    url: z.string(),
    types: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable().describe("Why the endpoint stopped hearing events"),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: "Webhook" });

export const createdWebhook = webhookView
  .extend({
    secret: z
      .string()
      .nullable()
      .describe("whsec_… to verify signatures with. Shown in this answer only; null when this answers a retry with the same Idempotency-Key"),
    secretsShownOnce: z.string().optional().describe("Present on a retry's answer: the secret was shown once and is not repeated"),
  })
  .meta({ id: "CreatedWebhook" });

export const webhookDeliveryView = z
  .object({
    id: z.string(),
    eventId: z.string().describe("The event's id, sent as webhook-id: the same on every attempt"),
    eventType: z.string(),
    eventPosition: z.string().describe("The event's place in the event log"),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().describe("When a pending delivery is tried next"),
    lastAttemptAt: z.string().nullable(),
    responseStatus: z.number().int().nullable().describe("The receiver's HTTP status at the last attempt"),
    responseMs: z.number().int().nullable().describe("How long the last attempt took"),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookIdParams = z.object({ id: z.uuid("Not a webhook id") });
export const deliveryIdParams = z.object({ id: z.uuid("Not a webhook id"), deliveryId: z.uuid("Not a delivery id") });

export const deliveriesQuery = z.object({
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  cursor: z.string().regex(/^\d+$/, "`next` of the previous page").optional().describe("`next` of the previous page"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("Page size, 100 when left out"),
});

export type WebhookInput = z.input<typeof webhookInput>;
export type WebhookPatch = z.input<typeof webhookPatch>;
export type WebhookView = z.infer<typeof webhookView>;
export type CreatedWebhook = WebhookView & { secret: string };
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;
export type DeliveriesQuery = z.input<typeof deliveriesQuery>;
