import type { Db, DbTx } from "./client";

/**
 * A read over every item × site, in its own transaction with settings for it alone: the aggregation stays in
 * memory (PostgreSQL's default 4 MB spills 400,000 groups to disk), and the joins hash (the planner, guessing a
 * few thousand groups, would look up each item one by one).
 */
export function analyticRead<T>(db: Db, read: (tx: DbTx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('work_mem', '256MB', true), set_config('enable_nestloop', 'off', true)`;
      return read(tx);
    },
    { timeout: 120_000 },
  );
}
