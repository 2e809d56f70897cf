import { Prisma } from "./generated/client";
import type { Db, DbTx } from "./client";

/**
 * A read over every item × site, in its own transaction with settings for it alone: the aggregation stays in
 * memory (PostgreSQL's default 4 MB spills 400,000 groups to disk), and the joins hash (the planner, guessing a
 * few thousand groups, would look up each item one by one). `settings`: more of PostgreSQL's, for this read.
 */
export function analyticRead<T>(db: Db, read: (tx: DbTx) => Promise<T>, settings: Record<string, string> = {}): Promise<T> {
  const all = Object.entries({ work_mem: "256MB", enable_nestloop: "off", ...settings });
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT ${Prisma.join(all.map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`))}`;
      return read(tx);
    },
    { timeout: 120_000 },
  );
}
