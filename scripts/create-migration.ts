// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that brings the migrations up to
// schema.prisma. Needs a PostgreSQL server for the shadow database (DATABASE_URL, else 127.0.0.1:5432);
// PGlite cannot host one.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EMPTY_MIGRATION, MIGRATIONS_DIR, diffMigrationsToSchema } from "../lib/db/schema-engine";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const sql = await diffMigrationsToSchema(serverUrl);
if (sql === EMPTY_MIGRATION || sql === "") {
  console.log("schema.prisma and the migrations agree: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(MIGRATIONS_DIR, "migration_lock.toml"), '# Written by scripts/create-migration.ts\nprovider = "postgresql"\n');
  await writeFile(join(folder, "migration.sql"), sql + "\n");
  console.log(`wrote ${folder}/migration.sql — review it, add what Prisma cannot express (CHECKs, triggers), commit it.`);
}
// The schema engine leaves a timer behind for ~10 s after its work is done; nothing else is pending here.
process.exit(0);
