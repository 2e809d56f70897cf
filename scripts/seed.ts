// npm run db:seed — the demo warehouse (idempotent). Applies migrations first.
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { seedDemo } from "../prisma/seed";
import { openScriptDatabase } from "./database";

const started = Date.now();
const database = await openScriptDatabase();
const db = createDb(database.url, 4);
try {
  await applyMigrations(database.url);
  await seedDemo(db, { password: process.env.DEMO_PASSWORD ?? "demo1234" });
  console.log(`demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.$disconnect();
  await database.close();
}
// The schema engine leaves a timer behind for ~10 s after its work is done; nothing else is pending here.
process.exit(0);
