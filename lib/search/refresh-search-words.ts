import { getDb, type Db } from "../db/client";
import { isTransaction } from "../db/unit-of-work";

/**
 * Re-reads the vocabulary of item names ("SearchWord", prisma/migrations/20261127080000_search) that the
 * misspelling stage of searchEverything corrects typed words against, then its one-deletion variants
 * ("SearchWordVariant", 20261204000500_search_word_variants), which are derived from it. Concurrently: searches
 * keep reading the previous vocabulary meanwhile. About a second per 200,000 items; run it after catalogue imports
 * and on a schedule, not on every item write.
 */
export async function refreshSearchWords(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY "SearchWord"`);
  await db.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY "SearchWordVariant"`);
}

const REFRESH_DELAY_MS = 5_000;
let scheduled: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;

/**
 * Asks for a refresh soon after a catalogue change, without making the change wait for it: requests within a few
 * seconds of each other share one refresh, and one never overlaps another. Until it runs, new names are found by
 * their exact words and by the whole-name fallback, just not by corrected typos.
 */
export function requestSearchWordsRefresh(db: Db): void {
  if (scheduled) return;
  // The change may be inside a caller's transaction, long committed when the refresh runs: refresh on the
  // process's own client then.
  const client = isTransaction(db) ? getDb() : db;
  scheduled = setTimeout(() => {
    scheduled = null;
    running = (running ?? Promise.resolve())
      .then(() => refreshSearchWords(client))
      .catch((error: Error) => console.warn(`search words refresh failed: ${error.message}`))
      .finally(() => {
        running = null;
      });
  }, REFRESH_DELAY_MS);
  scheduled.unref?.();
}
