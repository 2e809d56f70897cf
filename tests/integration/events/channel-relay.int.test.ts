import { describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { pushChannelStock } from "../../../lib/channels/push-channel-stock";
import { getDb } from "../../../lib/db/client";
import { startEventRelay } from "../../../lib/events/event-relay";
import { postMovement } from "../../../lib/ledger/post-movement";
import { buildShopifyChannel } from "../../factories/channels";

const db = getDb();

describe("the relay to shop channels, as the app runs it", () => {
  it("pushes a movement's new sellable quantity to Shopify within seconds, with no call from anyone", async () => {
    // The app runs before the shop is connected, as it would.
    const stop = startEventRelay(db, { pushChannels: (d) => pushChannelStock(d) });
    const { w, shop, gid } = await buildShopifyChannel(db, { buffer: { units: 2 } });
    try {
      const started = Date.now();
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 12, to: w.bins.a1.code, reason: "received" });
      // No nudge: the write's commit wakes the relay (lib/db/commit-signal.ts).
      await vi.waitFor(() => expect(shop.available(gid)).toBe(10), { timeout: 5_000, interval: 50 }); // 12 − 2 held back
      expect(Date.now() - started).toBeLessThan(5_000);
      await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: w.items.plain.sku, quantity: 5, from: w.bins.a1.code, reason: "sold" });
      await vi.waitFor(() => expect(shop.available(gid)).toBe(5), { timeout: 5_000, interval: 50 });
    } finally {
      await stop();
      await shop.close();
    }
  });
});
