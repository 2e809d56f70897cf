// npm run db:migrate — applies prisma/migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from "../lib/db/schema-engine";
import { openScriptDatabase } from "./database";

const database = await openScriptDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date");
} finally {
  await database.close();
}
// The schema engine leaves a timer behind for ~10 s after its work is done; nothing else is pending here.
process.exit(0);
