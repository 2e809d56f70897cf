/**
 * Outbox rows → catalogue events. Pure: the relay looks up what a row does not carry (site codes, whether a level
 * may promise stock) and passes it in.
 *
 * A posting's row (`stock.moved`) becomes one `stock.changed` per level it touched, with the level as the posting
 * left it; every other row becomes one event of its own type. The subject (the stream a sequence counts in) is the
 * SKU for stock and item events, else the entity the event is about.
 */
import type { StockChangedData } from "./catalogue";

export type OutboxRow = { id: bigint; type: string; siteId: string | null; aggregateId: string | null; payload: unknown; createdAt: Date };

export type EventDraft = {
  outboxId: bigint;
  type: string;
  subject: string;
  siteId: string | null;
  site: string | null;
  occurredAt: Date;
  data: unknown;
};

/** Where a posted level is: its location's site, and whether the level may promise stock (its location and lot). */
export type LevelPlace = { siteId: string; site: string; isSellable: boolean };

export type Lookups = {
  siteCodeOf: (siteId: string) => string | null;
  placeOf: (level: { sku: string; location: string; lot: string | null }) => LevelPlace | null;
};

type PostedLevel = { sku: string; location: string; lot: string | null; onHand: number; reserved: number };
type PostedMovement = { id: string; sku: string; from: string; to: string; lot: string | null };
type PostingPayload = { postingId: string; movements?: PostedMovement[]; levels?: PostedLevel[] };

export function expandOutboxRow(row: OutboxRow, lookups: Lookups): EventDraft[] {
  if (row.type === "stock.moved") return stockChangesOf(row, row.payload as PostingPayload, lookups);
  const siteId = row.siteId;
  return [
    {
      outboxId: row.id,
      type: row.type,
      subject: subjectOf(row),
      siteId,
      site: siteId ? lookups.siteCodeOf(siteId) : null,
      occurredAt: row.createdAt,
      data: row.payload,
    },
  ];
}

function stockChangesOf(row: OutboxRow, posting: PostingPayload, lookups: Lookups): EventDraft[] {
  const movements = posting.movements ?? [];
  const drafts: EventDraft[] = [];
  for (const level of posting.levels ?? []) {
    const place = lookups.placeOf(level);
    if (!place) continue; // a virtual end (supplier, customer, loss) keeps no level worth announcing
    const data: StockChangedData = {
      sku: level.sku,
      site: place.site,
      location: level.location,
      lot: level.lot,
      onHand: level.onHand,
      reserved: level.reserved,
      available: place.isSellable ? Math.max(level.onHand - level.reserved, 0) : 0,
      movementId: lastMovementAt(movements, level),
      posting: posting.postingId,
    };
    drafts.push({
      outboxId: row.id,
      type: "stock.changed",
      subject: `stock:${level.sku}`,
      siteId: place.siteId,
      site: place.site,
      occurredAt: row.createdAt,
      data,
    });
  }
  return drafts;
}

function lastMovementAt(movements: readonly PostedMovement[], level: PostedLevel): string | null {
  for (let i = movements.length - 1; i >= 0; i--) {
    const m = movements[i];
    if (m.sku === level.sku && (m.lot ?? null) === level.lot && (m.from === level.location || m.to === level.location)) return m.id;
  }
  return null;
}

/** The stream an event's sequence counts in. */
export function subjectOf(row: Pick<OutboxRow, "id" | "type" | "siteId" | "aggregateId" | "payload">): string {
  const family = row.type.split(".")[0];
  const payload = (row.payload ?? {}) as { sku?: unknown; path?: unknown };
  if (family === "item" && typeof payload.sku === "string") return `item:${payload.sku}`;
  if (family === "category" && typeof payload.path === "string") return `category:${payload.path}`; // what callers name it by
  if (family === "siteMap" && row.siteId) return `siteMap:${row.siteId}`;
  if (family === "stock") return `posting:${row.aggregateId ?? row.id}`; // bulk postings name no single SKU
  return `${family}:${row.aggregateId ?? row.id.toString()}`;
}
