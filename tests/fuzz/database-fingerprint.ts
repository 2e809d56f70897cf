/**
 * What a refused request must leave as it was: the number of rows of every table and the stock on hand and
 * reserved in every level. Taken before and after a call; equal means the call wrote nothing that stayed.
 */
import type { Db } from "../../lib/db/client";

let statement: string | undefined;

export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  if (!statement) {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`;
    const counts = tables.map((t) => `'${t.name}', (SELECT count(*) FROM "${t.name}")::text`);
    statement = `SELECT jsonb_build_object(${counts.join(", ")},
      'stock on hand', (SELECT coalesce(sum("onHand"), 0) FROM "StockLevel")::text,
      'stock reserved', (SELECT coalesce(sum(reserved), 0) FROM "StockLevel")::text) AS fingerprint`;
  }
  const [row] = await db.$queryRawUnsafe<{ fingerprint: Record<string, string> }[]>(statement);
  return row.fingerprint;
}
