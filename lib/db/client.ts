/**
 * The one way the app reaches PostgreSQL: Prisma 7's client over @prisma/adapter-pg, one pool per process.
 * Domain functions take a `Db` as their first argument so tests, scripts and benchmarks can pass their own.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** What a domain function may run queries on: the client or an open transaction. */
export type DbTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const processWide = globalThis as unknown as { stockroomDb?: Db; stockroomPools?: WeakMap<object, pg.Pool> };

/**
 * The pool under each client createDb made, for the statements that go around Prisma (lib/db/prepared.ts).
 * Process-wide, like the client itself: Next bundles this module more than once (the routes, instrumentation.ts),
 * and a client made by one copy must find its pool from another, or every posting loses its grouping and its
 * prepared statements (it did: the ledger bench fell to a third).
 */
const poolOfClient = (processWide.stockroomPools ??= new WeakMap<object, pg.Pool>());

/**
 * The application_name the embedded database's URL carries. PGlite serves every connection from one session,
 * so a statement prepared by name on one connection would already exist on the next: such a client gets no
 * pool of its own to prepare on.
 */
export const EMBEDDED_APPLICATION_NAME = "stockroom-pglite";

export function createDb(databaseUrl: string, poolMax = Number(process.env.DATABASE_POOL_MAX ?? 10)): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, connectionTimeoutMillis: 5_000 });
  // A connection the server closes (a restart, a dropped test database) emits an error event, which with no
  // listener would end the process. Prisma listens only on what it checks out, and only once it has run a query;
  // statements on the pool (lib/db/prepared.ts, lib/db/analytic-read.ts) may come first. An idle one is the
  // pool's to replace; on one in use, the query running on it fails with the error, which its caller gets.
  pool.on("error", (error) => console.warn(`database: an idle connection failed (${error.message}); the pool opens another`));
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  if (new URL(databaseUrl).searchParams.get("application_name") !== EMBEDDED_APPLICATION_NAME) poolOfClient.set(db, pool);
  return db;
}

/**
 * The connection pool of a client made by createDb; undefined for an open transaction (it has one connection)
 * and for the embedded database (one session behind every connection).
 */
export function poolOf(db: Db | DbTx): pg.Pool | undefined {
  return poolOfClient.get(db);
}

/**
 * The process's client, made on first use from DATABASE_URL. Kept on globalThis so the dev server's module
 * reloads do not open a new pool each time.
 */
export function getDb(): Db {
  if (!processWide.stockroomDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    processWide.stockroomDb = createDb(url);
  }
  return processWide.stockroomDb;
}
