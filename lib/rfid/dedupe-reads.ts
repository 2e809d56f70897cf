/** Reads of one tag at one location closer together than this are one sighting: only the first acts. */
export const DEDUPLICATION_WINDOW_MS = 60_000;

/** A read with the tag's identity and the location its reader watches. */
export type LocatedRead = { index: number; tag: string; locationId: string; at: Date };

export type Sighting = { locationId: string; seenAt: Date };

export type Deduplicated<R extends LocatedRead> = {
  /** Reads that are not duplicates, in time order. */
  accepted: R[];
  /** Per tag, its latest accepted read: the one that decides where the tag is. */
  latest: Map<string, R>;
  duplicates: number;
};

/**
 * Drops the reads that add nothing: the same tag at the same location within the window of the last read that
 * counted (in this batch, or the tag's recorded sighting), and reads older than what is already known of the tag
 * (a late batch must not move a unit back to where it was). The window is anchored at the read that counted, not
 * slid by every repeat, so a tag lying in front of a reader is looked at again once a window, and a count opened
 * meanwhile still finds it.
 */
export function dedupeReads<R extends LocatedRead>(
  reads: readonly R[],
  sightings: ReadonlyMap<string, Sighting>,
  windowMs = DEDUPLICATION_WINDOW_MS,
): Deduplicated<R> {
  const ordered = [...reads].sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const last = new Map<string, Sighting>(sightings);
  const latest = new Map<string, R>();
  const accepted: R[] = [];
  for (const read of ordered) {
    const previous = last.get(read.tag);
    if (previous && isRepeat(read, previous, windowMs)) continue;
    accepted.push(read);
    latest.set(read.tag, read);
    last.set(read.tag, { locationId: read.locationId, seenAt: read.at });
  }
  return { accepted, latest, duplicates: reads.length - accepted.length };
}

function isRepeat(read: LocatedRead, previous: Sighting, windowMs: number): boolean {
  const since = read.at.getTime() - previous.seenAt.getTime();
  if (since < 0) return true;
  return read.locationId === previous.locationId && since < windowMs;
}
