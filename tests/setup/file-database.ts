// Runs before each integration test file: gives the file a database of its own, as DATABASE_URL, so the
// app's own getDb() (and every route handler) talks to it.
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "../../lib/db/test-database";

const database = await createTestDatabase(inject("testDatabaseServer"));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const processWide = globalThis as unknown as { stockroomDb?: { $disconnect: () => Promise<void> } };
  await processWide.stockroomDb?.$disconnect();
  processWide.stockroomDb = undefined;
  await database.drop();
});
