// Small postings of concurrent requests share a round trip and a transaction (stockroom_post_postings), each in
// a subtransaction of its own: every caller must get its own outcome, as if it had posted alone.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb, poolOf } from "../db/client";
import { postMovement } from "./post-movement";
import { locationFlags, PostingLineFailure, runPosting, type Posting } from "./posting-function";

const db = getDb();
const pool = poolOf(db)!;

/** Counts the round trips that carried postings: alone, or in groups. */
function countPostingRoundTrips() {
  const query = vi.spyOn(pool, "query");
  return () => {
    const names = query.mock.calls.map(([config]) => (config as { name?: string }).name);
    return {
      alone: names.filter((n) => n === "stockroom_post_posting").length,
      grouped: names.filter((n) => n === "stockroom_post_postings").length,
    };
  };
}

afterEach(() => vi.restoreAllMocks());

type Warehouse = Awaited<ReturnType<typeof buildWarehouse>>;
type Place = { id: string; code: string; type: string; isVirtual: boolean };

/** A one-line posting of the warehouse's plain item, as the domain would hand it to runPosting. */
function plainPosting(
  w: Warehouse,
  kind: "receive" | "issue",
  from: Place,
  to: Place,
  quantity: number,
  reasonCode: string,
  item: { id: string; sku: string } = w.items.plain,
): Posting {
  return {
    postingId: randomUUID(),
    action: `stock.${kind}`,
    siteId: w.site.id,
    actor: SYSTEM_ACTOR,
    idempotency: null,
    lines: [
      {
        kind,
        itemId: item.id,
        quantity,
        fromLocationId: from.id,
        toLocationId: to.id,
        lotId: null,
        reasonCode,
        ...locationFlags(from, to),
        sku: item.sku,
        fromCode: from.code,
        toCode: to.code,
      },
    ],
  };
}

describe("postings grouped in one transaction", () => {
  it("gives each of 40 concurrent issues its own outcome, in fewer round trips than postings", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 20, to: w.bins.a1.code, reason: "received" });
    const roundTrips = countPostingRoundTrips();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity: 1, from: w.bins.a1.code, reason: "sold", reference: `SO-${i}` }),
      ),
    );

    const posted = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(posted).toHaveLength(20);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "insufficient_stock" });
    // Each answer is its own posting's: its own reference, and the level as that posting left it.
    expect(new Set(posted.map((p) => p.postingId)).size).toBe(20);
    expect(new Set(posted.map((p) => p.movement!.reference)).size).toBe(20);
    expect(posted.map((p) => p.levels[0].onHand).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id, kind: "issue" } })).toBe(20);
    expect(await db.auditEntry.count({ where: { entityType: "posting", entityId: { in: posted.map((p) => p.postingId!) } } })).toBe(20);

    const { alone, grouped } = roundTrips();
    expect(grouped).toBeGreaterThan(0);
    expect(alone + grouped).toBeLessThan(40);
  });

  it("answers each of many concurrent movements of different items and bins with its own items and bins", async () => {
    const w = await buildWarehouse(db);
    const other = await db.item.create({ data: { sku: `${w.site.code}-OTHER`, skuKey: `${w.site.code}-other`.toLowerCase(), name: "Other item" } });
    const items = [w.items.plain, other];
    const bins = [w.bins.a1, w.bins.a2];
    const requests = Array.from({ length: 24 }, (_, i) => ({ item: items[i % 2], bin: bins[Math.floor(i / 2) % 2], quantity: i + 1 }));
    const lookupsSent = vi.spyOn(pool, "query");

    const answers = await Promise.allSettled([
      ...requests.map((r) =>
        postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: r.item.sku.toLowerCase(), quantity: r.quantity, to: r.bin.code, reason: "received" }),
      ),
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: "NO-SUCH-SKU", quantity: 1, to: w.bins.a1.code, reason: "received" }),
    ]);

    const lookupRoundTrips = lookupsSent.mock.calls.filter(
      ([config]) => (config as { name?: string }).name === "stockroom_resolve_references",
    ).length;
    expect(lookupRoundTrips).toBeLessThan(25);
    requests.forEach((r, i) => {
      expect(answers[i]).toMatchObject({ status: "fulfilled", value: { movement: { sku: r.item.sku, to: r.bin.code, quantity: r.quantity } } });
    });
    expect(answers[24]).toMatchObject({ status: "rejected", reason: { issues: [{ field: "sku" }] } });
    for (const item of items) {
      for (const bin of bins) {
        const expected = requests.filter((r) => r.item === item && r.bin === bin).reduce((sum, r) => sum + r.quantity, 0);
        expect(await onHand(db, item.id, bin.id)).toBe(expected);
      }
    }
  });

  it("rolls back only the posting that failed, whatever the reason, and posts the rest of its group", async () => {
    const w = await buildWarehouse(db);
    const [supplier] = await db.location.findMany({ where: { siteId: w.site.id, type: "supplier" } });
    const receipt = (reasonCode: string) => plainPosting(w, "receive", supplier, w.bins.a1, 3, reasonCode);
    const issue = plainPosting(w, "issue", w.bins.a1, supplier, 1_000, "sold");
    // Ten receipts, one naming a reason code that does not exist (a foreign key refuses it), one issue too large.
    const postings = Array.from({ length: 10 }, (_, i) => (i === 4 ? receipt("no-such-reason") : receipt("received")));
    postings.splice(7, 0, issue);
    const roundTrips = countPostingRoundTrips();

    const outcomes = await Promise.allSettled(postings.map((posting) => runPosting(db, posting)));

    expect(roundTrips().grouped).toBeGreaterThan(0);
    expect(outcomes[4]).toMatchObject({ status: "rejected", reason: { code: "23503" } });
    expect(outcomes[7]).toMatchObject({ status: "rejected" });
    expect((outcomes[7] as PromiseRejectedResult).reason).toBeInstanceOf(PostingLineFailure);
    expect((outcomes[7] as PromiseRejectedResult).reason).toMatchObject({ sqlState: "SR409", detail: { index: 0, requested: 1_000 } });
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(9);
    for (const failed of [postings[4], postings[7]]) {
      expect(await db.stockMovement.count({ where: { postingId: failed.postingId } })).toBe(0);
      expect(await db.outboxEvent.count({ where: { aggregateId: failed.postingId } })).toBe(0);
    }
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(27);
  });

  it("sends a posting alone again when its group ran into a lock cycle, so its caller never sees the deadlock", async () => {
    const w = await buildWarehouse(db);
    const [supplier] = await db.location.findMany({ where: { siteId: w.site.id, type: "supplier" } });
    const receipt = (to: Place, quantity: number) => plainPosting(w, "receive", supplier, to, quantity, "received");
    // Three levels of one item; a group sends its postings in location-id order, so name them in that order.
    const [binA, binB, binC] = [w.bins.a1, w.bins.a2, w.bins.cage].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const bin of [binA, binB, binC]) await runPosting(db, receipt(bin, 1));
    // The postings that only fill the group slots are of another item: postings of one item at one site wait for
    // one another on its cost state (lib/valuation) until their transaction ends, which is not the cycle here.
    const filler = (quantity: number) => plainPosting(w, "receive", supplier, binC, quantity, "received", w.items.solvent);
    await runPosting(db, filler(1));
    const levelOf = async (bin: { id: string }, itemId = w.items.plain.id) =>
      (await db.stockLevel.findFirstOrThrow({ where: { itemId, locationId: bin.id } })).id;
    const [levelA, levelB, levelC] = [await levelOf(binA), await levelOf(binB), await levelOf(binC, w.items.solvent.id)];
    const [holdsC, holdsB] = [await pool.connect(), await pool.connect()];
    const lock = (client: typeof holdsB, level: string) => client.query(`SELECT 1 FROM "StockLevel" WHERE id = $1 FOR UPDATE`, [level]);
    const waitingForLocks = async (count: number) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await holdsC.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`never saw ${count} sessions waiting for a lock`);
    };
    const waitingFor = async (holder: typeof holdsB) => {
      const { rows } = await holder.query(`SELECT pg_backend_pid() AS pid`);
      for (let i = 0; i < 200; i++) {
        const blocked = await holdsC.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [rows[0].pid]);
        if (blocked.rows[0].n >= 1) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error("never saw a session waiting for the holder's lock");
    };
    try {
      // Both group slots are taken by postings that wait for level C; the next two postings form one group.
      await holdsC.query("BEGIN");
      await lock(holdsC, levelC);
      const blocked = [runPosting(db, filler(1))];
      await new Promise((resolve) => setImmediate(resolve)); // a later tick: a group of its own
      blocked.push(runPosting(db, filler(1)));
      await waitingForLocks(2);
      const intoA = runPosting(db, receipt(binA, 5));
      const intoB = runPosting(db, receipt(binB, 7));
      // Another session holds level B and, once the group holds A, asks for A: a cycle through the group.
      await holdsB.query("BEGIN");
      await lock(holdsB, levelB);
      await holdsC.query("COMMIT");
      await Promise.all(blocked);
      // The group's posting into B must wait for B before this session asks for A: PostgreSQL rolls back the
      // session whose wait began first, and that must be the group's, not the test's own.
      await waitingFor(holdsB);
      const wantsA = lock(holdsB, levelA);

      // PostgreSQL breaks the cycle by rolling back the posting into B; sent alone, it waits for B and posts.
      await expect(intoA).resolves.toMatchObject({ replayed: false });
      await wantsA;
      await holdsB.query("COMMIT");
      await expect(intoB).resolves.toMatchObject({ replayed: false });
    } finally {
      holdsB.release();
      holdsC.release();
    }
    expect(await onHand(db, w.items.plain.id, binA.id)).toBe(6);
    expect(await onHand(db, w.items.plain.id, binB.id)).toBe(8);
    expect(await onHand(db, w.items.plain.id, binC.id)).toBe(1);
    expect(await onHand(db, w.items.solvent.id, binC.id)).toBe(3);
  });
});
