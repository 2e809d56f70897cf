/**
 * The catalogue of events other services hear: each type, what it means, the stream its sequence counts in, and
 * the JSON Schema of its `data` (published at /api/events/schema.json and in docs/events.md). A type's data may
 * gain fields within a version; removing or changing one means a new version.
 */
import { z } from "zod";
import { alertView } from "../alerts/schemas";
import { categoryUpdatedData } from "../catalog/category-schemas";
import { itemView } from "../catalog/schemas";
import { replenishmentView } from "../replenishment/schemas";
import { locationView } from "../locations/schemas";
import { orderView } from "../orders/schemas";
import { pickListView } from "../picking/schemas";
import { THRESHOLD_FIELDS, thresholdsInForce } from "../thresholds/schemas";
import { PURCHASE_ORDER_STEPS, purchaseOrderView } from "../purchasing/schemas";
import { settingsUpdatedData } from "../settings/schemas";
import { EVENT_ENVELOPE_VERSION } from "./event-envelope";

export const stockChangedData = z.object({
  sku: z.string(),
  site: z.string().describe("Code of the location's site"),
  location: z.string().describe("Code of the location whose level changed"),
  lot: z.string().nullable(),
  onHand: z.number().int().describe("On hand at this location (and lot) right after the posting"),
  reserved: z.number().int(),
  available: z
    .number()
    .int()
    .describe("Available under the one rule: on hand − reserved, never below zero, 0 in quarantine, staging, in transit or for an expired lot"),
  movementId: z.string().nullable().describe("The movement of this posting that changed this level (the last one when several did)"),
  posting: z.string().describe("The posting id: every movement of one request shares it"),
});
export type StockChangedData = z.infer<typeof stockChangedData>;

const reservationData = z
  .looseObject({
    id: z.string(),
    sku: z.string(),
    reference: z.string().nullable().optional(),
    quantity: z.number().int().optional().describe("created: units held"),
    released: z.number().int().optional().describe("released / expired: units let go"),
    held: z.number().int().optional().describe("fulfilled: units still held afterwards"),
  })
  .describe("The reservation: id, SKU and reference, with the quantities of this step");

/** A purchase order as it is after the step, without its history (the event is the history). */
const purchaseOrderEventData = purchaseOrderView.omit({ history: true, replayed: true });

const summaryData = (description: string) => z.looseObject({}).describe(description);

type CatalogueEntry = { description: string; data: z.ZodType };

export const EVENT_CATALOGUE: Record<string, CatalogueEntry> = {
  "stock.changed": { description: "A stock level changed: one event per location (and lot) a posting touched", data: stockChangedData },
  "stock.opening_posted": {
    description: "Opening stock was loaded in bulk; read the levels (GET /api/v1/stock) rather than expecting stock.changed for each",
    data: z.object({ postingId: z.string(), lines: z.number().int(), units: z.number().int() }),
  },
  "item.created": { description: "An item was created", data: itemView },
  "item.updated": { description: "An item changed (its data as it is now)", data: itemView },
  "item.thresholds_changed": {
    description: "An item's stock thresholds changed at a site, or its item-wide default (site null) that sites inherit",
    data: z.object({
      sku: z.string(),
      site: z.string().nullable().describe("The site whose own thresholds changed; null for the item-wide default"),
      changed: z.array(z.enum(THRESHOLD_FIELDS)).describe("The fields the change set or cleared"),
      inForce: thresholdsInForce.describe("The thresholds in force at the site (the default's values when site is null)"),
    }),
  },
  "category.updated": {
    description: "A category's costing method changed; its items that name no method of their own were revalued from costingFrom",
    data: categoryUpdatedData,
  },
  "settings.updated": {
    description:
      "The installation's settings changed: which ones, with its costing method and currency as they are now (other settings' values are for admins: GET /api/v1/settings)",
    data: settingsUpdatedData,
  },
  "reservation.created": { description: "Stock was reserved", data: reservationData },
  "reservation.released": { description: "A reservation was released by its holder", data: reservationData },
  "reservation.expired": { description: "A reservation's time ran out and its stock was let go", data: reservationData },
  "reservation.fulfilled": { description: "Reserved stock was issued to the customer (all or part)", data: reservationData },
  "reservation.displaced": {
    description: "Stock a reservation held was lost (a count, damage) and the hold moved elsewhere or shrank",
    data: summaryData("{ id, reference, from, moved, dropped }"),
  },
  ...Object.fromEntries(
    ["created", "backordered", "allocated", "picking", "picked", "packed", "shipped", "cancelled"].map((status) => [
      `order.${status}`,
      { description: status === "created" ? "A sales order was created" : `A sales order became ${status}`, data: orderView },
    ]),
  ),
  "order.returned": { description: "Units of a shipped order came back", data: summaryData("{ number, lines, postingId }") },
  "order.package.open": { description: "Packing: a package was opened", data: summaryData("The order's packing state") },
  "order.package.add": { description: "Packing: a scanned unit went into a package", data: summaryData("The order's packing state") },
  "order.package.close": { description: "Packing: a package was closed with its weight and size", data: summaryData("The order's packing state") },
  "pickList.created": { description: "A pick list was created", data: pickListView },
  "pickList.done": { description: "Every line of a pick list was picked", data: pickListView },
  "pickList.cancelled": { description: "A pick list was cancelled; its holds were let go", data: pickListView },
  ...Object.fromEntries(
    ["created", "approved", "shipped", "received", "closed", "cancelled"].map((step) => [
      `transfer.${step}`,
      {
        description: `A transfer between sites: ${step}`,
        data: summaryData("The transfer (number, status, from, to, lines) and the step's postingId"),
      },
    ]),
  ),
  ...Object.fromEntries(
    PURCHASE_ORDER_STEPS.map((step) => [
      `purchaseOrder.${step}`,
      {
        description:
          step === "created"
            ? "A purchase order was drafted"
            : step === "confirmed"
              ? "The supplier confirmed quantities and dates of a purchase order"
              : step === "shipped"
                ? "The supplier sent an advance shipping notice for a purchase order"
                : `A purchase order was ${step}`,
        data: purchaseOrderEventData,
      },
    ]),
  ),
  "count.submitted": {
    description: "A stock count was submitted and its corrections posted",
    data: summaryData("The count's summary: differences and postingId"),
  },
  "location.created": { description: "A location was created", data: locationView },
  "site.created": { description: "A site was created", data: z.object({ code: z.string(), name: z.string() }) },
  "siteMap.saved": {
    description: "A site's floor plan was saved as a new version",
    data: summaryData("{ site, version, width, height, shapeCount, note }"),
  },
  "valuation.landed_cost": {
    description: "Freight, duty or handling was added to a receipt's cost layers",
    data: summaryData(
      "The landed cost: { id, receipt, kind, amount, allocatedBy, shares: [{ movementId, sku, site, amount, toStock, toCogs, variance }] }",
    ),
  },
  "valuation.period_closed": { description: "A month was closed for posting", data: summaryData("{ month, closedThrough }") },
  "alert.raised": { description: "A condition needing attention began (low stock, stockout, expiry, …): the alert", data: alertView },
  "alert.acknowledged": { description: "Someone acknowledged an alert", data: alertView },
  "alert.resolved": { description: "An alert's condition cleared and it resolved by itself", data: alertView },
  "replenishment.created": {
    description: "A pick face fell to its refill level: a refill from reserve storage is asked for",
    data: replenishmentView,
  },
  "replenishment.done": { description: "A refill was confirmed by scanning and its move posted", data: replenishmentView },
  "webhook.disabled": {
    description: "A webhook endpoint failed for 24 hours and was disabled (for admins)",
    data: summaryData("{ id, url, reason }"),
  },
};

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE);

/** Whether `type` is a catalogue type, or a family wildcard ("order.*") that names at least one. */
export function isKnownEventType(type: string): boolean {
  if (type === "*") return true;
  if (type.endsWith(".*")) return EVENT_TYPES.some((known) => known.startsWith(type.slice(0, -1)));
  return type in EVENT_CATALOGUE;
}

/** Whether an event of `type` matches any of `filters` (exact types, "family.*" or "*"). */
export function matchesEventTypes(type: string, filters: readonly string[]): boolean {
  return filters.some((filter) => filter === "*" || filter === type || (filter.endsWith(".*") && type.startsWith(filter.slice(0, -1))));
}

/** The published document: the envelope and every type's data, as JSON Schema (draft 2020-12). */
export function buildEventSchemaDocument() {
  const envelope = {
    type: "object",
    required: ["id", "type", "version", "occurredAt", "subject", "sequence", "site", "data"],
    properties: {
      id: {
        type: "string",
        format: "uuid",
        description: "Unique per event; the same in the poll feed, webhooks (webhook-id) and NATS (Nats-Msg-Id)",
      },
      type: { type: "string", enum: EVENT_TYPES },
      version: { type: "integer", const: EVENT_ENVELOPE_VERSION },
      occurredAt: { type: "string", format: "date-time" },
      subject: { type: "string", description: 'The stream the sequence counts in: "stock:<sku>", "item:<sku>", "order:<id>", …' },
      sequence: { type: "integer", minimum: 1, description: "1, 2, 3 … per subject, without gaps: a skip means a missed event" },
      site: { type: ["string", "null"], description: "Code of the site the event concerns" },
      data: { description: "The type's data (see types)" },
    },
  };
  const types = Object.fromEntries(
    Object.entries(EVENT_CATALOGUE).map(([type, entry]) => [
      type,
      { description: entry.description, version: EVENT_ENVELOPE_VERSION, data: z.toJSONSchema(entry.data, { unrepresentable: "any", io: "output" }) },
    ]),
  );
  return { $schema: "https://json-schema.org/draft/2020-12/schema", title: "Stockroom events", version: EVENT_ENVELOPE_VERSION, envelope, types };
}
