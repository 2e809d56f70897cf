// The posting function's SQL (and the valuation it calls) is kept whole in canonical files; the migrations must
// build exactly that.
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";

const CANONICAL_FILES = ["./posting-function.sql", "../valuation/valuation-function.sql"];

/** Every function's definition as the database holds it, by name and arguments. */
async function definitions(client: pg.Client, names: string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT p.oid::regprocedure::text AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname = ANY($1) ORDER BY 1`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, row.definition]));
}

describe.each(CANONICAL_FILES)("lib/ledger/%s", (file) => {
  const CANONICAL = readFileSync(new URL(file, import.meta.url), "utf8");
  it("is what the migrations leave in the database, function for function", async () => {
    const names = [...CANONICAL.matchAll(/CREATE OR REPLACE FUNCTION (\w+)\(/g)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(3);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const migrated = await definitions(client, names);
      await client.query("BEGIN");
      await client.query(CANONICAL);
      const canonical = await definitions(client, names);
      await client.query("ROLLBACK");
      // Each canonical function exists after the migrations, and none differs from the file.
      expect([...migrated.keys()]).toEqual([...canonical.keys()]);
      for (const [name, definition] of canonical) expect(migrated.get(name), name).toBe(definition);
    } finally {
      await client.end();
    }
  });
});
