import { unitOfWork } from "../db/unit-of-work";
import type { Db } from "../db/client";
import { DEDUPLICATION_WINDOW_MS, type Sighting } from "./dedupe-reads";
import type { TagRead } from "./locate-reads";

export type StoredSighting = Sighting & { readerId: string; antenna: number };

/** Each tag's recorded sighting, in one query. */
export async function findSightings(db: Db, tags: readonly string[]): Promise<Map<string, StoredSighting>> {
  const rows = await db.rfidSighting.findMany({
    where: { epc: { in: [...tags] } },
    select: { epc: true, readerId: true, antenna: true, locationId: true, seenAt: true },
  });
  return new Map(rows.map(({ epc, ...sighting }) => [epc, sighting]));
}

/**
 * Records each tag's latest read as its sighting, in one statement, and answers the tags this call recorded.
 * The same conditions as dedupeReads() sit in the statement's WHERE, so when two batches with the same reads
 * race (a reader retrying after a timeout), only one of them claims each tag and acts on it; the other finds
 * its reads already seen.
 */
export async function claimSightings(db: Db, reads: readonly TagRead[]): Promise<Set<string>> {
  if (reads.length === 0) return new Set();
  const rows = await db.$queryRaw<{ epc: string }[]>`
    INSERT INTO "RfidSighting" (epc, "readerId", antenna, "locationId", "seenAt")
    SELECT t.epc, t.reader, t.antenna, t.location, (t.at AT TIME ZONE 'UTC')::timestamp(3)
    FROM unnest(${reads.map((r) => r.tag)}::text[], ${reads.map((r) => r.reader)}::text[], ${reads.map((r) => r.antenna)}::int[],
                ${reads.map((r) => r.locationId)}::uuid[], ${reads.map((r) => r.at.toISOString())}::timestamptz[]) AS t(epc, reader, antenna, location, at)
    ON CONFLICT (epc) DO UPDATE
      SET "readerId" = excluded."readerId", antenna = excluded.antenna, "locationId" = excluded."locationId", "seenAt" = excluded."seenAt"
      WHERE excluded."seenAt" > "RfidSighting"."seenAt"
        AND NOT (excluded."locationId" = "RfidSighting"."locationId"
                 AND excluded."seenAt" < "RfidSighting"."seenAt" + make_interval(secs => ${DEDUPLICATION_WINDOW_MS / 1000}))
    RETURNING epc`;
  return new Set(rows.map((row) => row.epc));
}

/**
 * Gives claims back when acting on them failed, so a retry of the batch acts instead of being taken for a
 * duplicate: each tag gets its earlier sighting again (or none), unless a newer read has replaced ours since.
 */
export async function withdrawSightings(db: Db, reads: readonly TagRead[], earlier: ReadonlyMap<string, StoredSighting>): Promise<void> {
  if (reads.length === 0) return;
  const restored = reads.filter((r) => earlier.has(r.tag));
  const removed = reads.filter((r) => !earlier.has(r.tag));
  const at = (list: readonly TagRead[]) => list.map((r) => r.at.toISOString());
  await unitOfWork(db, async (tx) => {
    await tx.$executeRaw`
      DELETE FROM "RfidSighting" s USING unnest(${removed.map((r) => r.tag)}::text[], ${at(removed)}::timestamptz[]) AS t(epc, at)
      WHERE s.epc = t.epc AND s."seenAt" = (t.at AT TIME ZONE 'UTC')::timestamp(3)`;
    await tx.$executeRaw`
      UPDATE "RfidSighting" s
      SET "readerId" = t.reader, antenna = t.antenna, "locationId" = t.location, "seenAt" = (t.was AT TIME ZONE 'UTC')::timestamp(3)
      FROM unnest(${restored.map((r) => r.tag)}::text[], ${at(restored)}::timestamptz[], ${restored.map((r) => earlier.get(r.tag)!.readerId)}::text[],
                  ${restored.map((r) => earlier.get(r.tag)!.antenna)}::int[], ${restored.map((r) => earlier.get(r.tag)!.locationId)}::uuid[],
                  ${restored.map((r) => earlier.get(r.tag)!.seenAt.toISOString())}::timestamptz[])
           AS t(epc, at, reader, antenna, location, was)
      WHERE s.epc = t.epc AND s."seenAt" = (t.at AT TIME ZONE 'UTC')::timestamp(3)`;
  });
}
