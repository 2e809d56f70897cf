import pg from "pg";
import { Prisma } from "./generated/client";
import { poolOf, type Db } from "./client";

/**
 * The rows of a read over every item × site, in a read-only transaction of its own with settings for it alone:
 * the aggregation stays in memory (PostgreSQL's default 4 MB spills 400,000 groups to disk), and the joins hash
 * (the planner, guessing a few thousand groups, would look up each item one by one). `settings`: more of
 * PostgreSQL's, for this read.
 *
 * On a pool (lib/db/client.ts) the query goes around Prisma: for the 400,000 rows of the benchmark, Prisma's
 * conversion of each value took 1.2–2 s more than the same rows from `pg` (docs/BENCHMARKS.md). The rows come back
 * as Prisma's raw queries give them — int8 as bigint, timestamps and dates as UTC instants — except numeric, which
 * `pg` gives as text and Prisma as a Decimal: cast money to text in the query, as the callers do.
 */
export async function analyticRows<Row>(db: Db, query: Prisma.Sql, settings: Record<string, string> = {}): Promise<Row[]> {
  const all = Object.entries({ transaction_read_only: "on", work_mem: "256MB", enable_nestloop: "off", ...settings });
  const configure = Prisma.sql`SELECT ${Prisma.join(all.map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`))}`;
  const pool = poolOf(db);
  if (!pool) {
    return db.$transaction(
      async (tx) => {
        await tx.$queryRaw(configure);
        return tx.$queryRaw<Row[]>(query);
      },
      { timeout: 120_000 },
    );
  }
  const client = await pool.connect();
  // A connection that cannot even roll back (the server ended it under the read) is closed, not given to the next caller.
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query(configure.text, configure.values);
    const result = await client.query<Row & pg.QueryResultRow>({ text: query.text, values: query.values.map(asParameter), types: prismaTypes });
    await client.query("COMMIT");
    return result.rows;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A Date as Prisma sends it: the UTC instant (pg would send the process's local time, which a `timestamp` column takes as it is). */
function asParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;

/** pg's parsers, but for the types Prisma's raw queries return otherwise. */
const prismaTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return (value: string) => BigInt(value);
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};
