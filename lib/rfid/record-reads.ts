import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/can";
import type { Db } from "../db/client";
import { addCountScans } from "../counting/add-count-scans";
import { claimSightings, findSightings, withdrawSightings } from "./claim-sightings";
import { dedupeReads } from "./dedupe-reads";
import { findTaggedUnits, unitKey, type TaggedUnit } from "./find-tagged-units";
import { locateReads, type ReaderLocation, type TagRead } from "./locate-reads";
import { postRfidMoves, type RfidMove } from "./post-rfid-moves";
import { readsInput, type ReadsInput, type ReadsOutcome } from "./schemas";

type OpenCount = { id: string; locationId: string; path: string };
type CountRead = { countId: string; read: TagRead; unit: TaggedUnit };

/**
 * Takes a batch of RFID reads (up to 5,000) and acts on each tag's latest new read: inside an open count it
 * becomes a count scan; elsewhere a unit in stock at another location of the reader's site is moved there
 * (reason rfid). Duplicates within the window, undecodable EPCs and unknown readers do nothing and are reported.
 * A fixed number of statements whatever the batch size: readers, sightings, units, open counts, one upsert of
 * the sightings, then one posting per 1,000 moves of a site and one addCountScans per count.
 */
export async function recordReads(db: Db, actor: Actor, input: ReadsInput): Promise<ReadsOutcome> {
  const { reads } = readsInput.parse(input);
  const located = await locateReads(db, reads);
  const siteIds = [...new Set(located.reads.map((r) => r.location.siteId))];
  for (const siteId of siteIds) authorize(actor, "stock.move", { siteId });

  const sightings = await findSightings(db, [...new Set(located.reads.map((r) => r.tag))]);
  const { accepted, latest } = dedupeReads(located.reads, sightings);
  const claimed = await claimSightings(db, [...latest.values()]);
  // A tag another batch claimed first is that batch's to act on: its reads here are duplicates.
  const acting = [...latest.values()].filter((r) => claimed.has(r.tag));
  const acceptedCount = accepted.filter((r) => claimed.has(r.tag)).length;

  const [units, counts] = await Promise.all([findTaggedUnits(db, uniqueUnits(acting)), siteIds.length > 0 ? findOpenCounts(db, siteIds) : []]);
  const { countReads, moves, settled, notTracked, refused } = decideActions(actor, acting, units, counts);
  const outcome: ReadsOutcome = {
    accepted: acceptedCount,
    duplicates: reads.length - located.undecodable.length - unknownCount(located) - acceptedCount,
    undecodable: located.undecodable,
    unknownReaders: located.unknownReaders,
    moved: [],
    counted: 0,
    notTracked,
    refused,
  };

  try {
    outcome.counted = await addToCounts(db, actor, countReads, settled);
    for (const siteId of siteIds) {
      const refusedByLedger = await postRfidMoves(
        db,
        actor,
        moves.filter((m) => m.siteId === siteId),
        (posted) => {
          for (const move of posted) {
            outcome.moved.push({ sku: move.sku, serial: move.serial, from: move.from, to: move.to });
            settled.add(move.tag);
          }
        },
      );
      outcome.refused.push(...refusedByLedger);
    }
  } catch (error) {
    await withdrawSightings(
      db,
      acting.filter((r) => !settled.has(r.tag)),
      sightings,
    );
    throw error;
  }
  return outcome;
}

/**
 * What each tag's latest read calls for: a count scan inside an open count; else a move when the ledger has the
 * unit in stock elsewhere at the reader's site. `settled` holds the tags that need nothing more.
 */
function decideActions(actor: Actor, acting: readonly TagRead[], units: ReadonlyMap<string, TaggedUnit>, counts: readonly OpenCount[]) {
  const decided = {
    countReads: [] as CountRead[],
    moves: [] as RfidMove[],
    settled: new Set<string>(),
    notTracked: 0,
    refused: [] as ReadsOutcome["refused"],
  };
  for (const read of acting) {
    const unit = read.unit ? units.get(unitKey(read.unit)) : undefined;
    const count = unit?.tracking === "serial" ? countCovering(counts, read.location) : undefined;
    if (unit && count) {
      decided.countReads.push({ countId: count.id, read, unit });
      continue;
    }
    decided.settled.add(read.tag);
    if (!unit || unit.tracking !== "serial" || !unit.stockedAt) {
      decided.notTracked++; // not a unit we know, or never received (or gone): RFID does not receive stock
    } else if (unit.stockedAt.siteId !== read.location.siteId) {
      // Where the ledger has it is told only to those who may see that site (the reader's site is not enough).
      const from = can(actor, "stock.view", { siteId: unit.stockedAt.siteId }) ? unit.stockedAt.code : null;
      const reason = `${unit.sku} ${unit.serial} is at another site${from ? ` (${from})` : ""}: move it with a transfer`;
      decided.refused.push({ sku: unit.sku, serial: unit.serial, from, to: read.location.code, reason });
    } else if (unit.stockedAt.id !== read.location.id) {
      decided.settled.delete(read.tag);
      decided.moves.push({
        siteId: read.location.siteId,
        sku: unit.sku,
        serial: unit.serial,
        lot: unit.lot,
        from: unit.stockedAt.code,
        to: read.location.code,
        reader: read.reader,
        tag: read.tag,
      });
    }
  }
  return decided;
}

const unknownCount = (located: { unknownReaders: { reads: number }[] }) => located.unknownReaders.reduce((sum, r) => sum + r.reads, 0);

function uniqueUnits(reads: readonly TagRead[]) {
  const units = new Map(reads.flatMap((r) => (r.unit ? [[unitKey(r.unit), r.unit] as const] : [])));
  return [...units.values()];
}

async function findOpenCounts(db: Db, siteIds: string[]): Promise<OpenCount[]> {
  const sessions = await db.countSession.findMany({
    where: { status: "open", siteId: { in: siteIds } },
    select: { id: true, location: { select: { id: true, path: true } } },
  });
  return sessions.map((s) => ({ id: s.id, locationId: s.location.id, path: s.location.path }));
}

/** The open count whose location is the read's location or above it (the deepest, should counts nest). */
function countCovering(counts: readonly OpenCount[], location: ReaderLocation): OpenCount | undefined {
  return counts
    .filter((c) => c.locationId === location.id || location.path.startsWith(`${c.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** One addCountScans per count; a serial counts once per count, which addCountScans itself ensures. */
async function addToCounts(db: Db, actor: Actor, countReads: readonly CountRead[], settled: Set<string>): Promise<number> {
  const byCount = new Map<string, CountRead[]>();
  for (const entry of countReads) {
    if (!byCount.has(entry.countId)) byCount.set(entry.countId, []);
    byCount.get(entry.countId)!.push(entry);
  }
  for (const [countId, entries] of byCount) {
    await addCountScans(
      db,
      actor,
      countId,
      entries.map(({ read, unit }) => ({
        location: read.location.code,
        sku: unit.sku,
        serial: unit.serial,
        quantity: 1,
        source: "rfid" as const,
      })),
    );
    entries.forEach(({ read }) => settled.add(read.tag));
  }
  return countReads.length;
}
