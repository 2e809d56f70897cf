import { afterAll, describe, expect, it, vi } from "vitest";
import { analyticRows } from "./analytic-read";
import { createDb, getDb, poolOf } from "./client";
import { startInMemoryPostgres } from "./embedded-postgres";
import { Prisma } from "./generated/client";

const embedded = await startInMemoryPostgres();
const embeddedDb = createDb(embedded.url, 2);
afterAll(async () => {
  await embeddedDb.$disconnect();
  await embedded.stop();
});

const instant = new Date("2026-03-04T05:06:07.250Z");
/** One of each type the reports read, with parameters of the kinds they pass (a Date, an array, a number). */
const everyType = Prisma.sql`
  SELECT 7::int AS int4, 9007199254740993::int8 AS int8, 0.25::float8 AS float8, 'x' AS text,
         (${0.8}::numeric * 10)::numeric(18, 4)::text AS money, DATE '2026-03-04' AS day, ${instant}::timestamp AS at,
         ${["a", "b"]}::text[] AS list`;
const settings = Prisma.sql`
  SELECT current_setting('work_mem') AS work_mem, current_setting('jit') AS jit, current_setting('transaction_read_only') AS read_only`;

describe("analyticRows", () => {
  it("answers the rows Prisma's raw query answers, on a pool (around Prisma) and on the embedded database (through it)", async () => {
    expect(poolOf(getDb())).toBeDefined();
    expect(poolOf(embeddedDb)).toBeUndefined();
    const viaPrisma = await getDb().$queryRaw(everyType);
    expect(viaPrisma).toEqual([
      {
        int4: 7,
        int8: 9007199254740993n,
        float8: 0.25,
        text: "x",
        money: "8.0000",
        day: new Date("2026-03-04T00:00:00Z"),
        at: instant,
        list: ["a", "b"],
      },
    ]);
    expect(await analyticRows(getDb(), everyType)).toEqual(viaPrisma);
    expect(await analyticRows(embeddedDb, everyType)).toEqual(viaPrisma);
  });

  it("reads in a read-only transaction with its settings, on both paths", async () => {
    for (const db of [getDb(), embeddedDb]) {
      expect(await analyticRows(db, settings, { jit: "off" })).toEqual([{ work_mem: "256MB", jit: "off", read_only: "on" }]);
      await expect(analyticRows(db, Prisma.sql`CREATE TEMP TABLE written (n int)`)).rejects.toThrow(/read-only transaction/);
    }
  });

  it("closes a connection that failed under it rather than give it to the next read", async () => {
    const db = getDb();
    const sleeping = Prisma.sql`SELECT pg_sleep(30) AS analytic_read_to_terminate`;
    const read = analyticRows(db, sleeping);
    const running = () => db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE query LIKE '%analytic_read_to_terminate' AND state = 'active' AND pid <> pg_backend_pid()`;
    await vi.waitFor(async () => expect(await running()).toHaveLength(1), { timeout: 5_000, interval: 20 });
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%analytic_read_to_terminate' AND pid <> pg_backend_pid()`;
    await expect(read).rejects.toThrow(/terminat/);
    // Every connection the pool hands out now works: the dead one was closed, not put back.
    const pool = poolOf(db)!;
    for (let i = 0; i < pool.options.max; i++) expect(await analyticRows(db, Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it("gives its connection back outside the transaction after a failure", async () => {
    const db = getDb();
    await expect(analyticRows(db, Prisma.sql`SELECT 1 / 0`)).rejects.toThrow(/division by zero/);
    const pool = poolOf(db)!;
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      for (const client of clients)
        expect((await client.query("SELECT current_setting('transaction_read_only') AS ro")).rows).toEqual([{ ro: "off" }]);
    } finally {
      for (const client of clients) client.release();
    }
  });
});
