/**
 * Statements on the ledger's hot path, run as named prepared statements on the pool under Prisma: PostgreSQL
 * plans each once per connection instead of on every call, and Prisma's per-query work is skipped. Measured
 * (docs/BENCHMARKS.md): planning the reference lookup cost PostgreSQL more than running it, and a raw Prisma
 * query about 0.1–0.25 ms of Node CPU more than the same query on the pool.
 * Inside a transaction, or on the embedded database (PGlite: one session behind every connection), there is
 * no pool to prepare on: the statement runs through Prisma (within the transaction, if there is one).
 */
import { poolOf, type Db, type DbTx } from "./client";

export type PreparedStatement = { name: string; text: string };

export async function queryPrepared<Row>(db: Db | DbTx, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) return db.$queryRawUnsafe<Row[]>(statement.text, ...values);
  const result = await pool.query({ name: statement.name, text: statement.text, values });
  return result.rows as Row[];
}
