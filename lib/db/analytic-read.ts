import pLimit, { type LimitFunction } from "p-limit";
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
  const configure = configurationOf(settings);
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
  return inReadTransaction(pool, configure, async (client) => {
    const result = await client.query<Row & pg.QueryResultRow>(asPgQuery(query));
    return result.rows;
  });
}

/**
 * The rows of such a read `size` at a time, for a download of every row: the query runs once and a server-side
 * cursor hands its rows over a batch per FETCH, so memory holds one batch however many rows there are. The
 * transaction (and its connection) stays open while the caller reads, and closes when the caller stops early.
 *
 * The embedded database serves every connection from one session, where a transaction held open would take in
 * everyone else's statements: there the rows are read whole (its data sets are small) and handed over in slices.
 */
export async function* analyticBatches<Row>(
  db: Db,
  query: Prisma.Sql,
  { size, atOnce = false }: BatchReading,
  settings: Record<string, string> = {},
): AsyncGenerator<Row[]> {
  const pool = poolOf(db);
  if (!pool) {
    const rows = await analyticRows<Row>(db, query, settings);
    for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
    return;
  }
  const release = atOnce ? () => undefined : await heldCursorSlot(pool);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    release();
    throw error;
  }
  let broken: Error | undefined;
  let committed = false;
  try {
    // Every row is read: plan for the whole answer, not (as for a cursor by default) for its first tenth.
    await begin(client, configurationOf({ cursor_tuple_fraction: "1", ...settings }));
    const declare = asPgQuery(query);
    await client.query({ ...declare, text: `DECLARE analytic_batches NO SCROLL CURSOR FOR ${declare.text}` });
    for (;;) {
      const batch = await client.query<Row & pg.QueryResultRow>({ text: `FETCH ${Math.trunc(size)} FROM analytic_batches`, types: prismaTypes });
      if (batch.rows.length > 0) yield batch.rows;
      if (batch.rows.length < size) break;
    }
    await client.query("COMMIT");
    committed = true;
  } finally {
    // Stopped early (the reader went away) or failed: roll back, which closes the cursor. A connection that cannot
    // even roll back is closed, not given to the next caller.
    if (!committed) await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    client.release(broken);
    release();
  }
}

/**
 * A place among the reads that hold a connection while their reader reads: at most a third of the pool (at least
 * one) at a time, so slow downloads cannot take every connection from the app's own requests; the next waits,
 * holding none, until one ends. Answers the function that gives the place back.
 */
async function heldCursorSlot(pool: pg.Pool): Promise<() => void> {
  let limit = heldCursorLimits.get(pool);
  if (!limit) heldCursorLimits.set(pool, (limit = pLimit(Math.max(1, Math.floor((pool.options.max ?? 10) / 3)))));
  let giveBack!: () => void;
  const held = new Promise<void>((resolve) => (giveBack = resolve));
  await new Promise<void>((taken) => void limit(() => (taken(), held)));
  return giveBack;
}

const heldCursorLimits = new WeakMap<pg.Pool, LimitFunction>();

/**
 * For a read that finds its rows by key, row by row (levels per lot, movements per item on hand): nested loops
 * allowed again, as the planner chooses them by default.
 */
export const NESTED_LOOPS = { enable_nestloop: "on" } as const;

/**
 * `size` rows a batch. `atOnce`: the caller takes the batches it wants without waiting on anyone and then stops
 * (a JSON page, gathered before it is answered), so the read need not queue behind downloads for a place.
 */
export type BatchReading = { size: number; atOnce?: boolean };

function configurationOf(settings: Record<string, string>): Prisma.Sql {
  const all = Object.entries({ transaction_read_only: "on", work_mem: "256MB", enable_nestloop: "off", ...settings });
  return Prisma.sql`SELECT ${Prisma.join(all.map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`))}`;
}

async function begin(client: pg.PoolClient, configure: Prisma.Sql): Promise<void> {
  await client.query("BEGIN");
  await client.query(configure.text, configure.values);
}

async function inReadTransaction<T>(pool: pg.Pool, configure: Prisma.Sql, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that cannot even roll back (the server ended it under the read) is closed, not given to the next caller.
  let broken: Error | undefined;
  try {
    await begin(client, configure);
    const value = await read(client);
    await client.query("COMMIT");
    return value;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    client.release(broken);
  }
}

function asPgQuery(query: Prisma.Sql): pg.QueryConfig {
  return { text: query.text, values: query.values.map(asParameter), types: prismaTypes };
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
