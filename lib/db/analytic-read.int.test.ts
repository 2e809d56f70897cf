import { afterAll, describe, expect, it, vi } from "vitest";
import { analyticBatches, analyticRows } from "./analytic-read";
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
    // Its failure is caught from the start: it may come before the terminating query answers.
    const read = analyticRows(db, sleeping).then(
      () => undefined,
      (error: Error) => error,
    );
    const running = () => db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE query LIKE '%analytic_read_to_terminate' AND state = 'active' AND pid <> pg_backend_pid()`;
    await vi.waitFor(async () => expect(await running()).toHaveLength(1), { timeout: 5_000, interval: 20 });
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%analytic_read_to_terminate' AND pid <> pg_backend_pid()`;
    expect((await read)?.message).toMatch(/terminat/);
    // Every connection the pool hands out now works: the dead one was closed, not put back.
    const pool = poolOf(db)!;
    for (let i = 0; i < pool.options.max; i++) expect(await analyticRows(db, Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it("gives its connection back outside the transaction after a failure", async () => {
    const db = getDb();
    await expect(analyticRows(db, Prisma.sql`SELECT 1 / 0`)).rejects.toThrow(/division by zero/);
    await expectEveryConnectionOutOfItsReadTransaction(db);
  });
});

describe("analyticBatches", () => {
  const numbers = (upTo: number) =>
    Prisma.sql`SELECT n, (n * ${0.5}::numeric)::numeric(18,4)::text AS half FROM generate_series(1, ${upTo}) n ORDER BY n`;
  const collect = async (batches: AsyncIterable<{ n: number }[]>) => {
    const sizes: number[] = [];
    const all: number[] = [];
    for await (const batch of batches) {
      sizes.push(batch.length);
      all.push(...batch.map((row) => row.n));
    }
    return { sizes, all };
  };

  it("hands the rows over a batch at a time, in order, on a pool (a server-side cursor) and on the embedded database", async () => {
    for (const db of [getDb(), embeddedDb]) {
      const { sizes, all } = await collect(analyticBatches<{ n: number }>(db, numbers(10), { size: 4 }));
      expect(sizes).toEqual([4, 4, 2]);
      expect(all).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // A last batch that is exactly full is followed by none.
      expect((await collect(analyticBatches<{ n: number }>(db, numbers(8), { size: 4 }))).sizes).toEqual([4, 4]);
      expect((await collect(analyticBatches<{ n: number }>(db, numbers(0), { size: 4 }))).sizes).toEqual([]);
    }
    // Its rows are typed as analyticRows's are.
    for await (const batch of analyticBatches(getDb(), everyType, { size: 10 })) expect(batch).toEqual(await getDb().$queryRaw(everyType));
  });

  it("reads with its settings, read-only, and ends its transaction when the reader stops early", async () => {
    const db = getDb();
    for await (const [row] of analyticBatches(db, settings, { size: 1 }, { jit: "off" }))
      expect(row).toEqual({ work_mem: "256MB", jit: "off", read_only: "on" });
    for await (const batch of analyticBatches<{ n: number }>(db, Prisma.sql`SELECT n AS analytic_batches_left_early FROM generate_series(1, 100) n`, {
      size: 10,
    })) {
      expect(batch).toHaveLength(10);
      break;
    }
    // The connection went back to the pool out of its transaction: none of this database's is left holding one.
    const holding = await db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
    expect(holding).toEqual([]);
    await expectEveryConnectionOutOfItsReadTransaction(db);
    await expect(collect(analyticBatches(db, Prisma.sql`SELECT 1 / (n - 3) AS n FROM generate_series(1, 5) n`, { size: 1 }))).rejects.toThrow(
      /division by zero/,
    );
  });

  it("holds at most a third of the pool's connections at a time; the next read waits without one until one ends", async () => {
    const db = createDb(process.env.DATABASE_URL!, 6);
    const read = () => analyticBatches<{ n: number }>(db, Prisma.sql`SELECT n FROM generate_series(1, 10) n`, { size: 2 });
    const holding = async () => {
      const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'FETCH%analytic_batches' AND state LIKE 'idle in transaction%'`;
      return Number(n);
    };
    const reads = [read(), read(), read()];
    const [first, second, third] = reads;
    try {
      await first.next();
      await second.next();
      let thirdStarted = false;
      const thirdBatch = third.next().then((batch) => ((thirdStarted = true), batch));
      // Two of six connections hold a transaction open for their readers; the third read has no place yet.
      await vi.waitFor(async () => expect(await holding()).toBe(2), { timeout: 5_000, interval: 20 });
      // The app's own queries still find connections meanwhile; the third read is still waiting after them.
      for (let i = 0; i < 5; i++) expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      expect(await holding()).toBe(2);
      expect(thirdStarted).toBe(false);
      // A JSON page gathers its rows at once and stops: it does not queue behind the downloads.
      for await (const page of analyticBatches<{ n: number }>(db, Prisma.sql`SELECT n FROM generate_series(1, 10) n`, { size: 3, atOnce: true })) {
        expect(page).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
        break;
      }
      expect(thirdStarted).toBe(false);
      await first.return(undefined);
      expect((await thirdBatch).value).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await holding()).toBe(2);
    } finally {
      // A pool does not end while a read holds one of its connections.
      for (const each of reads) await each.return(undefined);
      await db.$disconnect();
    }
  });
});

/** Every connection the pool holds is out of a read-only transaction: none was given back inside one. */
async function expectEveryConnectionOutOfItsReadTransaction(db: ReturnType<typeof getDb>) {
  const pool = poolOf(db)!;
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    for (const client of clients) expect((await client.query("SELECT current_setting('transaction_read_only') AS ro")).rows).toEqual([{ ro: "off" }]);
  } finally {
    for (const client of clients) client.release();
  }
}
