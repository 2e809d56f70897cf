import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { decodeEpc } from "./decode-epc";
import type { LocatedRead } from "./dedupe-reads";
import { ANY_ANTENNA, type ParsedRead, type ReadsOutcome } from "./schemas";

export type ReaderLocation = { id: string; code: string; siteId: string; path: string };

export type TagRead = LocatedRead & {
  reader: string;
  antenna: number;
  location: ReaderLocation;
  /** Set for SGTINs: the GTIN (14 digits, as barcodes are stored) and serial of the unit. */
  unit: { gtin: string; serial: string } | null;
};

type Located = { reads: TagRead[]; undecodable: ReadsOutcome["undecodable"]; unknownReaders: ReadsOutcome["unknownReaders"] };

/**
 * Decodes each read's EPC and finds the location its reader (antenna) watches: the antenna's own registration,
 * else the reader's antenna 0. One query for every reader of the batch. A tag is identified by its pure identity
 * URI, so the same tag reported with another filter value or word padding is still the same tag. A read stamped
 * in the future (a reader whose clock runs ahead) is taken as read now: recorded as it came, it would make every
 * true read of that tag look older than the last one until the clock caught up.
 */
export async function locateReads(db: Db, reads: readonly ParsedRead[], now = new Date()): Promise<Located> {
  const readerIds = [...new Set(reads.map((r) => r.reader))];
  const rows = await db.$queryRaw<(ReaderLocation & { readerId: string; antenna: number })[]>`
    SELECT r."readerId", r.antenna, l.id::text AS id, l.code, l."siteId"::text AS "siteId", l.path
    FROM "RfidReader" r JOIN "Location" l ON l.id = r."locationId"
    WHERE r."readerId" = ANY (${readerIds})`;
  const locationOf = new Map(rows.map(({ readerId, antenna, ...location }) => [`${readerId}#${antenna}`, location]));

  const located: Located = { reads: [], undecodable: [], unknownReaders: [] };
  const unknown = new Map<string, ReadsOutcome["unknownReaders"][number]>();
  reads.forEach((read, index) => {
    const antenna = read.antenna ?? ANY_ANTENNA;
    const location = locationOf.get(`${read.reader}#${antenna}`) ?? locationOf.get(`${read.reader}#${ANY_ANTENNA}`);
    let decoded;
    try {
      decoded = decodeEpc(read.epc);
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      located.undecodable.push({ index, epc: read.epc, reason: error.issues[0]?.message ?? error.message });
      return;
    }
    if (!location) {
      const key = `${read.reader}#${antenna}`;
      const entry = unknown.get(key) ?? { reader: read.reader, antenna: read.antenna ?? null, reads: 0 };
      entry.reads++;
      unknown.set(key, entry);
      return;
    }
    const [gtin, serial] = decoded.scheme.startsWith("sgtin") ? decoded.elements.map((e) => e.value) : [];
    located.reads.push({
      index,
      tag: decoded.pureIdentityUri,
      at: new Date(Math.min(Date.parse(read.at), now.getTime())),
      reader: read.reader,
      antenna,
      locationId: location.id,
      location,
      unit: gtin && serial ? { gtin, serial } : null,
    });
  });
  located.unknownReaders = [...unknown.values()];
  return located;
}
