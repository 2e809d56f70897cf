/**
 * One pass of the outbox relay: the oldest unpublished outbox rows become catalogue events in the retained log,
 * each with its place in its subject's sequence, and the rows are marked published, all in one transaction. So a
 * row is published exactly once into the log however the process dies, and what the log holds is what was
 * published (the poll feed, NATS and webhooks read from there).
 *
 * One relay at a time: the pass holds a transaction-level advisory lock, and a process that cannot take it
 * leaves the work to the one that has it. With one writer, log positions commit in order, so a consumer's
 * cursor never passes a position that commits later.
 */
import { v7 as uuidv7 } from "uuid";
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { sellableLevel } from "../availability/availability-rule";
import { expandOutboxRow, type EventDraft, type LevelPlace, type Lookups, type OutboxRow } from "./expand-outbox";

/** pg_try_advisory_xact_lock key of the relay ("stockroom relay"). */
const RELAY_LOCK = 7_301_001;
export const RELAY_BATCH = 500;

export type RelayPass = { locked: true } | { locked: false; rows: number; events: number; lastPosition: bigint | null };

/** Hooks run in the pass's transaction with the positions it wrote (webhooks queue their deliveries here). */
export type AfterEventsWritten = (tx: DbTx, afterPosition: bigint, upToPosition: bigint) => Promise<unknown>;

export async function relayOutboxOnce(db: Db, afterWritten?: AfterEventsWritten, batch = RELAY_BATCH): Promise<RelayPass> {
  return unitOfWork(db, async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`;
    if (!locked) return { locked: true };
    const rows = await tx.$queryRaw<OutboxRow[]>`
      SELECT id, type, "siteId"::text AS "siteId", "aggregateId", payload, "createdAt" FROM "OutboxEvent"
      WHERE "publishedAt" IS NULL ORDER BY id LIMIT ${batch}`;
    if (rows.length === 0) return { locked: false, rows: 0, events: 0, lastPosition: null };
    const lookups = await lookupsFor(tx, rows);
    const expanded = rows.flatMap((row) => expandOutboxRow(row, lookups));
    const written = await writeEvents(tx, expanded);
    if (written && afterWritten) await afterWritten(tx, written.after, written.upTo);
    await tx.$executeRaw`UPDATE "OutboxEvent" SET "publishedAt" = now(), attempts = attempts + 1 WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
    return { locked: false, rows: rows.length, events: expanded.length, lastPosition: written?.upTo ?? null };
  });
}

type PostedLevelKey = { sku: string; location: string; lot: string | null };

const levelKey = (level: PostedLevelKey) => `${level.sku}\u0000${level.location}\u0000${level.lot ?? ""}`;

/** Two reads for a whole batch: the sites' codes, and where each posted level is and whether it may promise stock. */
async function lookupsFor(tx: DbTx, rows: readonly OutboxRow[]): Promise<Lookups> {
  const levels = rows
    .filter((row) => row.type === "stock.moved")
    .flatMap((row) =>
      ((row.payload as { levels?: PostedLevelKey[] }).levels ?? []).map(({ sku, location, lot }) => ({ sku, location, lot: lot ?? null })),
    );
  const siteIds = [...new Set(rows.map((row) => row.siteId).filter((id): id is string => id !== null))];
  // One after the other: in a transaction, queries sent together are a batch Prisma compiles each time (unit-of-work.ts).
  const sites = siteIds.length ? await tx.site.findMany({ where: { id: { in: siteIds } }, select: { id: true, code: true } }) : [];
  const places = levels.length ? await placesOf(tx, levels) : new Map<string, LevelPlace>();
  const siteCodes = new Map(sites.map((site) => [site.id, site.code]));
  return { siteCodeOf: (id) => siteCodes.get(id) ?? null, placeOf: (level) => places.get(levelKey(level)) ?? null };
}

async function placesOf(tx: DbTx, levels: readonly PostedLevelKey[]): Promise<Map<string, LevelPlace>> {
  const unique = [...new Map(levels.map((level) => [levelKey(level), level])).values()];
  const rows = await tx.$queryRaw<(PostedLevelKey & LevelPlace)[]>`
    SELECT t.sku, t.location, t.lot, s.id::text AS "siteId", s.code AS site, ${sellableLevel({ location: "loc", lot: "lot" })} AS "isSellable"
    FROM unnest(${unique.map((l) => l.sku)}::text[], ${unique.map((l) => l.location)}::text[], ${unique.map((l) => l.lot)}::text[]) AS t(sku, location, lot)
    JOIN "Location" loc ON loc.code = t.location
    JOIN "Site" s ON s.id = loc."siteId"
    LEFT JOIN "Item" i ON i."skuKey" = lower(t.sku)
    LEFT JOIN "Lot" lot ON lot."itemId" = i.id AND lot.number = t.lot`;
  return new Map(rows.map((row) => [levelKey(row), { siteId: row.siteId, site: row.site, isSellable: row.isSellable }]));
}

/**
 * Appends the events with their sequences: one upsert counts every subject on by its number of new events, one
 * insert writes them all. Answers the positions written (after, upTo], or null when there was nothing to write.
 */
async function writeEvents(tx: DbTx, drafts: readonly EventDraft[]): Promise<{ after: bigint; upTo: bigint } | null> {
  if (drafts.length === 0) return null;
  const counts = new Map<string, number>();
  for (const draft of drafts) counts.set(draft.subject, (counts.get(draft.subject) ?? 0) + 1);
  const lasts = await tx.$queryRaw<{ subject: string; last: number }[]>`
    INSERT INTO "EventSubject" AS e (subject, last)
    SELECT * FROM unnest(${[...counts.keys()]}::text[], ${[...counts.values()]}::int[])
    ON CONFLICT (subject) DO UPDATE SET last = e.last + EXCLUDED.last
    RETURNING subject, last`;
  const next = new Map(lasts.map(({ subject, last }) => [subject, last - counts.get(subject)! + 1]));
  const sequences = drafts.map((draft) => {
    const sequence = next.get(draft.subject)!;
    next.set(draft.subject, sequence + 1);
    return sequence;
  });
  const [range] = await tx.$queryRaw<{ after: bigint; upTo: bigint }[]>`
    WITH written AS (
      INSERT INTO "Event" (id, type, subject, sequence, "occurredAt", "siteId", site, "outboxId", data)
      SELECT id, type, subject, sequence, "occurredAt", "siteId", site, "outboxId", data
      FROM unnest(${drafts.map(() => uuidv7())}::uuid[], ${drafts.map((d) => d.type)}::text[], ${drafts.map((d) => d.subject)}::text[],
        ${sequences}::int[], ${drafts.map((d) => d.occurredAt)}::timestamp[], ${drafts.map((d) => d.siteId)}::uuid[],
        ${drafts.map((d) => d.site)}::text[], ${drafts.map((d) => d.outboxId)}::bigint[], ${drafts.map((d) => JSON.stringify(d.data ?? null))}::jsonb[])
        WITH ORDINALITY AS t(id, type, subject, sequence, "occurredAt", "siteId", site, "outboxId", data, n)
      ORDER BY n -- positions follow the sequences
      RETURNING position
    )
    SELECT min(position) - 1 AS after, max(position) AS "upTo" FROM written`;
  return range;
}
