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
    // The lock in a statement of its own: the read below must take its snapshot after the lock is held, so that it
    // sees every row the previous holder marked published before it let go.
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`;
    if (!locked) return { locked: true };
    const rows = await tx.$queryRaw<OutboxRowWithSiteCode[]>`
      SELECT o.id, o.type, o."siteId"::text AS "siteId", s.code AS "siteCode", o."aggregateId", o.payload, o."createdAt"
      FROM "OutboxEvent" o LEFT JOIN "Site" s ON s.id = o."siteId"
      WHERE o."publishedAt" IS NULL ORDER BY o.id LIMIT ${batch}`;
    if (rows.length === 0) return { locked: false, rows: 0, events: 0, lastPosition: null };
    const lookups = await lookupsFor(tx, rows);
    const expanded = rows.flatMap((row) => expandOutboxRow(row, lookups));
    const written = await writeEventsAndMarkPublished(tx, expanded, rows);
    if (written && afterWritten) await afterWritten(tx, written.after, written.upTo);
    return { locked: false, rows: rows.length, events: expanded.length, lastPosition: written?.upTo ?? null };
  });
}

/** An outbox row as the relay reads it: its site's code joined in. */
type OutboxRowWithSiteCode = OutboxRow & { siteCode: string | null };

type PostedLevelKey = { sku: string; location: string; lot: string | null };

const levelKey = (level: PostedLevelKey) => `${level.sku}\u0000${level.location}\u0000${level.lot ?? ""}`;

/** The sites' codes came with the rows; one read for where each posted level is and whether it may promise stock. */
async function lookupsFor(tx: DbTx, rows: readonly OutboxRowWithSiteCode[]): Promise<Lookups> {
  const levels = rows
    .filter((row) => row.type === "stock.moved")
    .flatMap((row) =>
      ((row.payload as { levels?: PostedLevelKey[] }).levels ?? []).map(({ sku, location, lot }) => ({ sku, location, lot: lot ?? null })),
    );
  const siteCodes = new Map(rows.map((row) => [row.siteId, row.siteCode]));
  const places = levels.length ? await placesOf(tx, levels) : new Map<string, LevelPlace>();
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
 * One statement: counts every subject on by its number of new events, appends the events with their sequences
 * (a subject's new events numbered on from its last, in draft order), and marks the outbox rows published. A
 * pass's fixed cost is mostly its statements (each parsed, planned and sent), so they are few. Answers the
 * positions written (after, upTo], or null when the rows made no event.
 */
async function writeEventsAndMarkPublished(
  tx: DbTx,
  drafts: readonly EventDraft[],
  rows: readonly OutboxRow[],
): Promise<{ after: bigint; upTo: bigint } | null> {
  const [range] = await tx.$queryRaw<{ after: bigint | null; upTo: bigint | null }[]>`
    WITH drafts AS (
      SELECT * FROM unnest(${drafts.map(() => uuidv7())}::uuid[], ${drafts.map((d) => d.type)}::text[], ${drafts.map((d) => d.subject)}::text[],
        ${drafts.map((d) => d.occurredAt)}::timestamp[], ${drafts.map((d) => d.siteId)}::uuid[], ${drafts.map((d) => d.site)}::text[],
        ${drafts.map((d) => d.outboxId)}::bigint[], ${drafts.map((d) => JSON.stringify(d.data ?? null))}::jsonb[])
        WITH ORDINALITY AS t(id, type, subject, "occurredAt", "siteId", site, "outboxId", data, n)
    ), added AS (
      SELECT subject, count(*)::int AS added FROM drafts GROUP BY subject
    ), counted AS (
      INSERT INTO "EventSubject" AS e (subject, last) SELECT subject, added FROM added
      ON CONFLICT (subject) DO UPDATE SET last = e.last + EXCLUDED.last
      RETURNING subject, last
    ), published AS (
      UPDATE "OutboxEvent" SET "publishedAt" = now(), attempts = attempts + 1 WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])
    ), written AS (
      INSERT INTO "Event" (id, type, subject, sequence, "occurredAt", "siteId", site, "outboxId", data)
      SELECT d.id, d.type, d.subject, (c.last - a.added + row_number() OVER (PARTITION BY d.subject ORDER BY d.n))::int,
        d."occurredAt", d."siteId", d.site, d."outboxId", d.data
      FROM drafts d JOIN added a USING (subject) JOIN counted c USING (subject)
      ORDER BY d.n -- positions follow the sequences
      RETURNING position
    )
    SELECT min(position) - 1 AS after, max(position) AS "upTo" FROM written`;
  return range.upTo === null ? null : { after: range.after!, upTo: range.upTo };
}
