/**
 * What every consumer receives, however it listens (poll feed, webhook, NATS): the same JSON for the same event,
 * with the same id. `subject` and `sequence` let a consumer drop duplicates (an id or a sequence it has seen) and
 * notice gaps (a sequence that skips), per stream: every `stock.*` event of one SKU counts in "stock:<sku>", every
 * `item.*` event in "item:<sku>", every `order.*` event of one order in "order:<id>", and so on.
 */
export const EVENT_ENVELOPE_VERSION = 1;

export type PublishedEvent = {
  id: string;
  type: string;
  /** The version of this type's data schema (docs/events.md, /api/events/schema.json). */
  version: number;
  occurredAt: string;
  subject: string;
  sequence: number;
  /** The site's code, when the event concerns one site. */
  site: string | null;
  data: unknown;
};

export type EventRow = {
  id: string;
  type: string;
  subject: string;
  sequence: number;
  occurredAt: Date;
  site: string | null;
  data: unknown;
};

export function toPublishedEvent(row: EventRow): PublishedEvent {
  return {
    id: row.id,
    type: row.type,
    version: EVENT_ENVELOPE_VERSION,
    occurredAt: row.occurredAt.toISOString(),
    subject: row.subject,
    sequence: row.sequence,
    site: row.site,
    data: row.data,
  };
}
