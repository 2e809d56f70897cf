import { describe, expect, it } from "vitest";
import { relayAll } from "../../tests/factories/events";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { afterEventsWritten } from "../system/after-events-written";
import { confirmReplenishment } from "./confirm-replenishment";
import { listReplenishments } from "./list-replenishments";
import { setRefillLevel } from "./set-refill-level";

const db = getDb();
const admin = SYSTEM_ACTOR;
const relay = () => relayAll(db, afterEventsWritten);

/** A pick face A1 (capacity 20, refill at 5) with 8 units, reserve stock in A2 (30) and the cage (10). */
async function pickFace() {
  const w = await buildWarehouse(db);
  const sku = w.items.plain.sku;
  await postMovement(db, admin, { kind: "receive", sku, quantity: 8, to: w.bins.a1.code, reason: "received" });
  await postMovement(db, admin, { kind: "receive", sku, quantity: 30, to: w.bins.a2.code, reason: "received" });
  await postMovement(db, admin, { kind: "receive", sku, quantity: 10, to: w.bins.cage.code, reason: "received" });
  expect(await setRefillLevel(db, admin, w.bins.a1.code, { capacityUnits: 20, refillLevel: 5 })).toMatchObject({ tasksCreated: 0 });
  await relay();
  return { w, sku };
}

describe("pick-face replenishment", () => {
  it("asks for a refill from the fullest reserve bin up to capacity when the face falls to its level, and the scan-confirmed move fills it", async () => {
    const { w, sku } = await pickFace();
    expect((await listReplenishments(db, admin, { site: w.site.code })).data).toEqual([]);
    await postMovement(db, admin, { kind: "issue", sku, quantity: 3, from: w.bins.a1.code, reason: "sold" });
    await relay();
    const [task] = (await listReplenishments(db, admin, { site: w.site.code })).data;
    expect(task).toMatchObject({ sku, from: w.bins.a2.code, to: w.bins.a1.code, quantity: 15, status: "open" });

    const done = await confirmReplenishment(db, admin, task.id, {});
    expect(done).toMatchObject({ status: "done", quantity: 15, doneBy: "system" });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(20);
    expect(await onHand(db, w.items.plain.id, w.bins.a2.id)).toBe(15);
    await expect(confirmReplenishment(db, admin, task.id, {})).rejects.toMatchObject({ code: "replenishment_not_open" });
    await relay();
    expect((await listReplenishments(db, admin, { site: w.site.code })).data).toEqual([]);
  });

  it("keeps one open task per item and face however many movements cross the level, and cancels it when the face is filled otherwise", async () => {
    const { w, sku } = await pickFace();
    await Promise.all(
      Array.from({ length: 6 }, () => postMovement(db, admin, { kind: "issue", sku, quantity: 1, from: w.bins.a1.code, reason: "sold" })),
    );
    await Promise.all([relay(), relay(), relay()]);
    const open = await db.replenishmentTask.findMany({ where: { toLocationId: w.bins.a1.id, status: "open" } });
    expect(open).toHaveLength(1);
    await postMovement(db, admin, { kind: "receive", sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
    await relay();
    expect(await db.replenishmentTask.findUniqueOrThrow({ where: { id: open[0].id } })).toMatchObject({ status: "cancelled" });
  });

  it("two clerks confirming one task at once: one moves the units, the other is told it is done", async () => {
    const { w, sku } = await pickFace();
    await postMovement(db, admin, { kind: "issue", sku, quantity: 4, from: w.bins.a1.code, reason: "sold" });
    await relay();
    const [task] = (await listReplenishments(db, admin, { site: w.site.code })).data;
    const results = await Promise.allSettled([confirmReplenishment(db, admin, task.id, {}), confirmReplenishment(db, admin, task.id, {})]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "replenishment_not_open" });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(20);
  });

  it("refuses more than planned, a clerk of another site, and a refill level at or above capacity", async () => {
    const { w, sku } = await pickFace();
    const other = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "issue", sku, quantity: 4, from: w.bins.a1.code, reason: "sold" });
    await relay();
    const [task] = (await listReplenishments(db, admin, { site: w.site.code })).data;
    await expect(confirmReplenishment(db, admin, task.id, { quantity: task.quantity + 1 })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "quantity", message: `At most ${task.quantity}, the planned refill` }],
    });
    const stranger: Actor = { type: "user", id: "00000000-0000-7000-8000-000000000001", label: "x", role: "clerk", sites: [other.site.id] };
    await expect(confirmReplenishment(db, stranger, task.id, {})).rejects.toMatchObject({ code: "not_found" });
    await expect(setRefillLevel(db, admin, w.bins.a2.code, { capacityUnits: 10, refillLevel: 10 })).rejects.toMatchObject({
      name: "ZodError",
      issues: [{ path: ["refillLevel"], message: "The refill level must be below the capacity" }],
    });
    const partial = await confirmReplenishment(db, admin, task.id, { quantity: 5 });
    expect(partial).toMatchObject({ status: "done", quantity: 5 });
    await relay(); // 4 + 5 = 9 > 5: no new task
    expect((await listReplenishments(db, admin, { site: w.site.code })).data).toEqual([]);
  });
});
