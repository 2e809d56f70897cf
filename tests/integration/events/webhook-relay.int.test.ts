import { afterAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { startEventRelay } from "../../../lib/events/event-relay";
import { postMovement } from "../../../lib/ledger/post-movement";
import { updateInstallationSettings } from "../../../lib/settings/installation-settings";
import { createWebhook } from "../../../lib/webhooks/create-webhook";
import { deliverDueWebhooks } from "../../../lib/webhooks/deliver-webhooks";
import { queueWebhookDeliveries } from "../../../lib/webhooks/queue-deliveries";
import { startWebhookReceiver } from "../../factories/webhook-receiver";
import { buildWarehouse } from "../../factories/stock";

const db = getDb();
const receiver = await startWebhookReceiver();

afterAll(() => receiver.close());

describe("the relay to webhooks, as the app runs it", () => {
  it("delivers every stock change of a burst, verified, once per id, in sequence per SKU", async () => {
    const w = await buildWarehouse(db);
    const other = w.items.solvent; // a second SKU, in a bin of its own
    await updateInstallationSettings(db, SYSTEM_ACTOR, { allowPrivateUrls: true });
    const webhook = await createWebhook(db, SYSTEM_ACTOR, { url: receiver.url, types: ["stock.changed"] });
    receiver.verifyWith(webhook.secret);
    const stop = startEventRelay(db, { afterEventsWritten: queueWebhookDeliveries, deliverWebhooks: deliverDueWebhooks });
    try {
      for (let i = 0; i < 40; i++) {
        await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
        await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: other.sku, quantity: 1, to: w.bins.cage.code, reason: "received" });
      }
      const ours = () =>
        receiver
          .delivered()
          .map((r) => JSON.parse(r.body) as { id: string; subject: string; sequence: number; data: { sku: string; onHand: number } });
      await vi.waitFor(() => expect(ours()).toHaveLength(80), { timeout: 20_000, interval: 100 });
      expect(receiver.received.every((r) => r.verified)).toBe(true);
      expect(new Set(ours().map((e) => e.id)).size).toBe(80);
      for (const sku of [w.items.plain.sku, other.sku]) {
        const mine = ours().filter((e) => e.data.sku === sku);
        expect(mine.map((e) => e.sequence)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(mine.map((e) => e.data.onHand)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      }
    } finally {
      await stop();
    }
  });
});
