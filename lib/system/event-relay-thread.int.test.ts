import { afterEach, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { natsStatus } from "../events/publish-to-nats";
import { postMovement } from "../ledger/post-movement";
import { buildWarehouse } from "../../tests/factories/stock";
import { startEventRelayThread } from "./event-relay-thread";

const db = getDb();
const databaseUrl = process.env.DATABASE_URL!;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

type Warehouse = Awaited<ReturnType<typeof buildWarehouse>>;
const receive = (w: Warehouse) =>
  postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
const eventsOf = (w: Warehouse) => db.event.count({ where: { type: "stock.changed", subject: `stock:${w.items.plain.sku}` } });

describe("the event relay's thread", () => {
  it("relays a write of this thread while this thread is busy, woken by its commit", async () => {
    const w = await buildWarehouse(db);
    stop = startEventRelayThread(databaseUrl);
    await receive(w);
    // The thread has started (loading its sources takes a few seconds) and relayed the first write.
    await vi.waitFor(async () => expect(await eventsOf(w)).toBe(1), { timeout: 30_000, interval: 50 });
    await receive(w);
    await new Promise((resolve) => setImmediate(resolve)); // the commit's wake-up has gone to the thread
    // This thread's event loop is held: only a relay in another thread can write the event meanwhile. The slow
    // sweep (every 30 s) cannot be what finds it.
    const heldUntil = Date.now() + 3_000;
    while (Date.now() < heldUntil);
    expect(await eventsOf(w)).toBe(2);
  });

  it("reports its NATS link to this thread, for the system page", async () => {
    const before = process.env.NATS_URL;
    process.env.NATS_URL = before ?? "nats://127.0.0.1:4222"; // the thread takes the environment as it starts
    try {
      stop = startEventRelayThread(databaseUrl);
    } finally {
      if (before === undefined) delete process.env.NATS_URL;
    }
    await vi.waitFor(() => expect(natsStatus().connected).toBe(true), { timeout: 30_000, interval: 50 });
  });

  it("relays in this thread when its own cannot run", async () => {
    const w = await buildWarehouse(db);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      stop = startEventRelayThread(databaseUrl, "/nonexistent/event-relay-thread.mjs");
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith("events: relaying in the server's thread:", expect.anything()), {
        timeout: 10_000,
        interval: 20,
      });
    } finally {
      errors.mockRestore();
    }
    await receive(w);
    await vi.waitFor(async () => expect(await eventsOf(w)).toBe(1), { timeout: 5_000, interval: 50 });
  });
});
