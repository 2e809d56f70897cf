import { describe, expect, it } from "vitest";
import { createDb, getDb, poolOf } from "./client";
import { startInMemoryPostgres } from "./embedded-postgres";
import { queryPrepared } from "./prepared";

const addOne = { name: "test_add_one", text: "SELECT $1::int + 1 AS n" };
const twelveAtOnce = (db: Parameters<typeof queryPrepared>[0]) =>
  Promise.all(Array.from({ length: 12 }, (_, i) => queryPrepared<{ n: number }>(db, addOne, [i]).then(([row]) => row.n)));

describe("queryPrepared", () => {
  it("prepares by name on every pooled connection, and inside a transaction runs on the transaction's connection", async () => {
    const db = getDb();
    expect(poolOf(db)).toBeDefined();
    expect(await twelveAtOnce(db)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const seen = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("CREATE TEMP TABLE only_this_transaction_sees (n int) ON COMMIT DROP");
      await tx.$executeRawUnsafe("INSERT INTO only_this_transaction_sees VALUES (7)");
      return queryPrepared<{ n: number }>(tx, { name: "test_in_transaction", text: "SELECT n FROM only_this_transaction_sees" }, []);
    });
    expect(seen).toEqual([{ n: 7 }]);
  });

  it("does not prepare by name on the embedded database, whose connections share one session", async () => {
    const embedded = await startInMemoryPostgres();
    const db = createDb(embedded.url, 4);
    try {
      expect(poolOf(db)).toBeUndefined();
      expect(await twelveAtOnce(db)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    } finally {
      await db.$disconnect();
      await embedded.stop();
    }
  });
});
