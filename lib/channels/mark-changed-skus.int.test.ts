import { afterEach, describe, expect, it } from "vitest";
import { buildShopifyChannel, relayAll } from "../../tests/factories/channels";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { pushChannelStock } from "./push-channel-stock";

const db = getDb();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const channelsCursor = async () => (await db.eventCursor.findUnique({ where: { name: "channels" } }))?.position ?? null;
const logEnd = async () => (await db.event.aggregate({ _max: { position: true } }))._max.position;

describe("the relay's channel stage", () => {
  it("with no active channel moves its cursor to the log's end and marks nothing; once a shop is connected, its changes are pushed", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
    await relayAll(db);
    expect(await pushChannelStock(db)).toEqual({ pushed: 0, nextDueAt: null });
    expect(await channelsCursor()).toBe(await logEnd());
    expect(await db.channelSku.count()).toBe(0);

    const s = await buildShopifyChannel(db);
    closers.push(s.shop.close);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: s.w.items.plain.sku, quantity: 7, to: s.w.bins.a1.code, reason: "received" });
    await relayAll(db);
    const { pushed } = await pushChannelStock(db);
    expect(pushed).toBe(1);
    expect(s.shop.available(s.gid)).toBe(7);
    expect(await channelsCursor()).toBe(await logEnd());
  });
});
