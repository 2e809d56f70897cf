import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { requestSearchWordsRefresh } from "./refresh-search-words";

const db = getDb();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("requestSearchWordsRefresh", () => {
  it("refreshes after a change made inside a caller's transaction, though that transaction is long closed", async () => {
    const warnings = vi.spyOn(console, "warn");
    const word = `zyxquorum${Date.now().toString(36)}`;
    // Straight into the table: createItem would ask for a refresh itself, on the client.
    await db.item.create({ data: { sku: word.toUpperCase(), skuKey: word, name: `${word} widget` } });
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    await unitOfWork(db, async (tx) => requestSearchWordsRefresh(tx as never));
    vi.advanceTimersByTime(5_000);
    vi.useRealTimers();
    await vi.waitFor(
      async () => {
        const [found] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "SearchWord" WHERE word = ${word}`;
        expect(Number(found.count)).toBe(1);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(warnings.mock.calls.flat().join(" ")).not.toContain("search words refresh failed");
  });
});
