/**
 * Databases for integration tests: real PostgreSQL, one fresh database per test file so files run in
 * parallel. The server is TEST_DATABASE_URL, else the one on 127.0.0.1:5432 when it answers; a template
 * database is migrated once per run and each file gets a copy (CREATE DATABASE … TEMPLATE, milliseconds).
 * Without a server (or with TEST_DATABASE=pglite), each file gets its own in-memory PGlite, migrated on the
 * spot: the same tests either way.
 */
import pg from "pg";
import { startInMemoryPostgres } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

export type TestDatabaseServer = { kind: "server"; adminUrl: string; template: string } | { kind: "pglite" };

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Once per test run: find the server and migrate a template database on it. */
export async function prepareTestDatabaseServer(): Promise<TestDatabaseServer> {
  // TEST_DATABASE=pglite runs the suite on PGlite even where a server answers (to check that path).
  if (process.env.TEST_DATABASE === "pglite") return { kind: "pglite" };
  const adminUrl = process.env.TEST_DATABASE_URL ?? LOCAL_SERVER;
  if (!(await answers(adminUrl))) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL does not answer: ${adminUrl}`);
    console.warn("integration tests: no PostgreSQL server on 127.0.0.1:5432, using in-memory PGlite per test file");
    return { kind: "pglite" };
  }
  const template = `stockroom_test_template_${process.pid}`;
  await admin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await applyMigrations(withDatabase(adminUrl, template));
  return { kind: "server", adminUrl, template };
}

export async function dropTestDatabaseTemplate(server: TestDatabaseServer) {
  if (server.kind !== "server") return;
  await admin(server.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${server.template}" WITH (FORCE)`));
}

/** Per test file: a fresh, migrated database of its own. */
export async function createTestDatabase(server: TestDatabaseServer): Promise<{ url: string; drop: () => Promise<void> }> {
  if (server.kind === "pglite") {
    const embedded = await startInMemoryPostgres();
    await applyMigrations(embedded.url);
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `stockroom_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin(server.adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${server.template}"`));
  return {
    url: withDatabase(server.adminUrl, name),
    drop: () => admin(server.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
