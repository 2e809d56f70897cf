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
    // jsonb_build_object takes at most 100 arguments: 40 tables (80) an object, the objects merged.
    const objects = Array.from(
      { length: Math.ceil(counts.length / 40) },
      (_, i) => `jsonb_build_object(${counts.slice(i * 40, i * 40 + 40).join(", ")})`,
    );
    statement = `SELECT ${objects.join(" || ")} || jsonb_build_object(
      'stock on hand', (SELECT coalesce(sum("onHand"), 0) FROM "StockLevel")::text,
      'stock reserved', (SELECT coalesce(sum(reserved), 0) FROM "StockLevel")::text) AS fingerprint`;
  }
  const [row] = await db.$queryRawUnsafe<{ fingerprint: Record<string, string> }[]>(statement);
  return row.fingerprint;
}
