import { relayAll as relayEverything } from "../../tests/factories/events";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { workZoneCode } from "../locations/create-site";
import { relayOutboxOnce } from "./relay-outbox";

const db = getDb();
const admin = SYSTEM_ACTOR;

const relayAll = () => relayEverything(db);

function eventsOf(subject: string) {
  return db.event.findMany({ where: { subject }, orderBy: { position: "asc" } });
}

describe("outbox relay", () => {
  it("turns a posting into one stock.changed per level it touched, as the posting left it", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await postMovement(db, admin, { kind: "receive", sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
    const moved = await postMovement(db, admin, {
      kind: "move",
      sku,
      quantity: 4,
      from: w.bins.a1.code,
      to: workZoneCode(w.site.code, "quarantine"),
      reason: "putaway",
    });
    await relayAll();

    const events = await eventsOf(`stock:${sku}`);
    expect(events.map((e) => [e.type, e.sequence])).toEqual([
      ["stock.changed", 1],
      ["stock.changed", 2],
      ["stock.changed", 3],
    ]);
    expect(events.every((e) => e.site === w.site.code && e.siteId === w.site.id)).toBe(true);
    const [received, ...afterMove] = events.map((e) => e.data as Record<string, unknown>);
    expect(received).toMatchObject({ sku, location: w.bins.a1.code, onHand: 10, reserved: 0, available: 10, lot: null });
    const byLocation = Object.fromEntries(afterMove.map((d) => [d.location, d]));
    expect(byLocation[w.bins.a1.code]).toMatchObject({ onHand: 6, available: 6, movementId: moved.movement!.id, posting: moved.postingId });
    // Quarantine holds stock that may not be promised: on hand, but nothing available.
    expect(byLocation[workZoneCode(w.site.code, "quarantine")]).toMatchObject({ onHand: 4, available: 0 });
    expect(await db.outboxEvent.count({ where: { aggregateId: moved.postingId!, publishedAt: null } })).toBe(0);
  });

  it("publishes each outbox row once, in order per subject, when relays run at the same time", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    for (let i = 0; i < 30; i++) await postMovement(db, admin, { kind: "receive", sku, quantity: 1, to: w.bins.a2.code, reason: "received" });
    // Small batches so that several passes are needed and the relays overlap.
    const passes = await Promise.all(Array.from({ length: 4 }, () => relayOutboxOnce(db, undefined, 7)));
    expect(passes.some((p) => p.locked)).toBe(true);
    await relayAll();

    const events = await eventsOf(`stock:${sku}`);
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(events.map((e) => (e.data as { onHand: number }).onHand)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.outboxId)).size).toBe(30);
  });

  it("gives other events their own subject and the site's code", async () => {
    const w = await buildWarehouse(db);
    await relayAll();
    const [created] = await db.event.findMany({ where: { type: "site.created", siteId: w.site.id } });
    expect(created).toMatchObject({ subject: `site:${w.site.id}`, sequence: 1, site: w.site.code });
    expect(created.data).toMatchObject({ code: w.site.code });
  });
});
