import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { endsExchange } from "./embedded-socket-server";
import { startInMemoryPostgres } from "./embedded-postgres";

const embedded = await startInMemoryPostgres();
const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
afterAll(async () => {
  await pool.end();
  await embedded.stop();
});

describe("the embedded database's socket", () => {
  it("keeps each connection's parameterised statements whole while eight connections send at once", async () => {
    // Statements of different shapes, so that a Bind meeting another connection's Parse would fail or answer wrong;
    // one with a parameter large enough to reach the server in several reads of its socket.
    const large = "x".repeat(300_000);
    const statements = [
      (i: number) => ({ text: "SELECT (length($1::text) + $2::int)::text AS answer", values: [large, i], expected: String(large.length + i) }),
      (i: number) => ({ text: "SELECT $1::int + $2::int AS answer", values: [i, 1], expected: String(i + 1) }),
      (i: number) => ({ text: "SELECT $1::text || $2::text || $3::text AS answer", values: ["a", i, "z"], expected: `a${i}z` }),
      (i: number) => ({ text: "SELECT ($1::int * 2)::text AS answer", values: [i], expected: String(i * 2) }),
      (i: number) => ({ text: "SELECT 'fixed-' || $1::text AS answer FROM generate_series(1, 3) LIMIT 1", values: [i], expected: `fixed-${i}` }),
    ];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 400 }, async (_, i) => {
        const { text, values, expected } = statements[i % statements.length](i);
        const result = await pool.query<{ answer: string | number }>(text, values);
        return { answer: String(result.rows[0].answer), expected };
      }),
    );
    const failed = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [String(outcome.reason).slice(0, 120)] : []));
    expect(failed).toEqual([]);
    for (const outcome of outcomes) if (outcome.status === "fulfilled") expect(outcome.value.answer).toBe(outcome.value.expected);
  });

  it("keeps an open transaction's statements together, and another connection waits for its end", async () => {
    const writer = await pool.connect();
    try {
      await writer.query("CREATE TABLE IF NOT EXISTS socket_probe (n int)");
      await writer.query("BEGIN");
      await writer.query("INSERT INTO socket_probe VALUES ($1)", [1]);
      const reader = pool.query<{ n: string }>("SELECT count(*) AS n FROM socket_probe WHERE n = $1", [1]);
      await writer.query("INSERT INTO socket_probe VALUES ($1)", [1]);
      await writer.query("COMMIT");
      expect((await reader).rows[0].n).toBe("2");
    } finally {
      writer.release();
    }
  });
});

describe("endsExchange", () => {
  it("ends an exchange at Sync, a simple query, Terminate and the startup message, not at Parse, Bind or Execute", () => {
    const typed = (letter: string) => Uint8Array.of(letter.charCodeAt(0), 0, 0, 0, 4);
    expect(["S", "Q", "X"].map((letter) => endsExchange(typed(letter)))).toEqual([true, true, true]);
    expect(["P", "B", "E", "D", "H"].map((letter) => endsExchange(typed(letter)))).toEqual([false, false, false, false, false]);
    expect(endsExchange(Uint8Array.of(0, 0, 0, 8, 0, 3, 0, 0))).toBe(true);
  });
});
