import { afterEach, describe, expect, it } from "vitest";
import { buildShopifyChannel, relayAll } from "../../tests/factories/channels";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { pushChannelStock } from "./push-channel-stock";
import { claimPushLease, PUSH_LEASE_MS } from "./push-lease";

const db = getDb();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A clock that never sleeps: each wait is recorded and moves time on. */
function fakeTime() {
  let now = Date.parse("2026-12-04T12:00:00Z");
  const waits: number[] = [];
  return {
    waits,
    io: {
      now: () => new Date(now),
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    },
  };
}

async function shopify(options: Parameters<typeof buildShopifyChannel>[1] = {}) {
  const built = await buildShopifyChannel(db, options);
  closers.push(built.shop.close);
  const receive = (quantity: number) =>
    postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: built.w.items.plain.sku, quantity, to: built.w.bins.a1.code, reason: "received" });
  return { ...built, receive, push: (io = fakeTime().io) => pushChannelStock(db, { channelId: built.channel.id, io }) };
}

const sets = <T extends { operation: string }>(calls: T[]) => calls.filter((c) => c.operation === "set");

describe("pushChannelStock to Shopify", () => {
  it("sets the sellable quantity at the channel's location after a movement, less the buffer", async () => {
    const s = await shopify({ buffer: { units: 1, percent: 10 } });
    await s.receive(20);
    await relayAll(db);
    const result = await s.push();

    expect(s.shop.available(s.gid)).toBe(17); // 20 − 1 − ⌈20 × 10 %⌉
    expect(result.pushed).toBe(1);
    expect(result.nextDueAt).toBeNull();
    const [set] = sets(s.shop.calls);
    expect(set.variables).toMatchObject({
      input: {
        name: "available",
        reason: "correction",
        quantities: [{ inventoryItemId: s.gid, locationId: "gid://shopify/Location/1", quantity: 17, changeFromQuantity: 0 }],
      },
    });
    const row = await db.channelSku.findFirstOrThrow({ where: { channelId: s.channel.id } });
    expect(row).toMatchObject({ lastPushedQuantity: 17, lastKnownPlatformQuantity: 17, dirtySince: null, lastError: null });
  });

  it("coalesces a burst of 1,000 movements into a handful of calls, the last one right", async () => {
    const s = await shopify();
    for (let i = 1; i <= 1_000; i++) {
      await s.receive(1);
      if (i % 250 === 0) {
        await relayAll(db);
        await s.push();
      }
    }
    await relayAll(db);
    await s.push();

    expect(s.shop.available(s.gid)).toBe(1_000);
    expect(sets(s.shop.calls).length).toBeLessThanOrEqual(5);
    expect(sets(s.shop.calls).length).toBeGreaterThanOrEqual(1);
  });

  it("re-reads and retries when Shopify's quantity changed meanwhile, never overwriting blindly", async () => {
    const s = await shopify();
    await s.receive(5);
    await relayAll(db);
    await s.push();
    expect(s.shop.available(s.gid)).toBe(5);

    await s.receive(3);
    await relayAll(db);
    s.shop.changeBeforeNextSet(() => s.shop.setAvailable(s.gid, 2)); // someone sold 3 in Shopify meanwhile
    await s.push();

    const calls = s.shop.calls.slice(-3);
    expect(calls.map((c) => c.operation)).toEqual(["set", "read", "set"]);
    expect(calls[0].variables).toMatchObject({ input: { quantities: [{ quantity: 8, changeFromQuantity: 5 }] } });
    expect(calls[2].variables).toMatchObject({ input: { quantities: [{ quantity: 8, changeFromQuantity: 2 }] } });
    expect(s.shop.available(s.gid)).toBe(8);
    const log = await db.channelLog.findMany({ where: { channelId: s.channel.id } });
    expect(log.some((l) => l.level === "warn" && l.message.includes("changed meanwhile"))).toBe(true);
  });

  it("waits out HTTP 429 Retry-After and GraphQL THROTTLED as Shopify asks, without real sleeps", async () => {
    const s = await shopify();
    await s.receive(4);
    await relayAll(db);
    s.shop.answerTooManyRequests("2.0");
    s.shop.answerThrottled(1);
    const time = fakeTime();
    await s.push(time.io);

    expect(time.waits).toEqual([2_000, 100]); // Retry-After 2.0 s; 10 points short at 100 points/s
    expect(s.shop.available(s.gid)).toBe(4);
  });

  it("leaves the SKU due at the platform's Retry-After when it is too long to wait inline, and logs it", async () => {
    const s = await shopify();
    await s.receive(4);
    await relayAll(db);
    s.shop.answerTooManyRequests("30"); // longer than is worth waiting inside a push
    const time = fakeTime();
    const result = await s.push(time.io);

    expect(time.waits).toEqual([]);
    expect(result.pushed).toBe(0);
    expect(result.nextDueAt?.toISOString()).toBe(new Date(Date.parse("2026-12-04T12:00:00Z") + 30_000).toISOString());
    const row = await db.channelSku.findFirstOrThrow({ where: { channelId: s.channel.id } });
    expect(row.dirtySince).not.toBeNull();
    expect(row.lastError).toMatch(/rate-limiting/);
    expect(await db.channelLog.count({ where: { channelId: s.channel.id, level: "error" } })).toBe(1);

    // Due again later: the push goes through once the platform lets it.
    const later = { now: () => new Date(Date.parse("2026-12-04T12:01:00Z")), sleep: async () => {} };
    await s.push(later);
    expect(s.shop.available(s.gid)).toBe(4);
  });
});

describe("pushChannelStock with several app processes", () => {
  it("leaves a channel another process is pushing alone, looks again a second later, and takes over a lease its holder let lapse", async () => {
    const s = await shopify();
    await s.receive(6);
    await relayAll(db);
    const time = fakeTime();
    const other = await claimPushLease(db, s.channel.id, time.io.now());
    expect(other).not.toBeNull();
    expect(await claimPushLease(db, s.channel.id, time.io.now())).toBeNull(); // one holder at a time

    const skipped = await s.push(time.io);
    expect(skipped.pushed).toBe(0);
    expect(sets(s.shop.calls)).toHaveLength(0);
    expect(skipped.nextDueAt?.getTime()).toBe(time.io.now().getTime() + 1_000);

    // The holder died mid-push: once its lease has run out, the next pass pushes and frees the channel again.
    await time.io.sleep(PUSH_LEASE_MS);
    const pushed = await s.push(time.io);
    expect(pushed).toMatchObject({ pushed: 1, nextDueAt: null });
    expect(s.shop.available(s.gid)).toBe(6);
    expect(await db.channel.findUniqueOrThrow({ where: { id: s.channel.id } })).toMatchObject({ pushLeaseHolder: null, pushLeaseUntil: null });
  });

  it("two passes at once set each SKU once", async () => {
    const s = await shopify();
    await s.receive(9);
    await relayAll(db);
    const results = await Promise.all([s.push(), s.push()]);
    expect(results.map((r) => r.pushed).sort()).toEqual([0, 1]);
    expect(sets(s.shop.calls)).toHaveLength(1);
    expect(s.shop.available(s.gid)).toBe(9);
  });
});
