import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement, postMovements } from "./post-movement";
import { reverseMovement } from "./reverse-movement";

const db = getDb();
const admin = SYSTEM_ACTOR;

describe("postMovement", () => {
  it("receives stock: one ledger row, the level, an audit entry and an outbox event", async () => {
    const w = await buildWarehouse(db);
    const posted = await postMovement(db, admin, {
      kind: "receive",
      sku: w.items.plain.sku,
      quantity: 12,
      to: w.bins.a1.code,
      reason: "received",
      reference: "PO-1",
      unitCost: "2.5",
    });
    expect(posted.movement).toMatchObject({
      kind: "receive",
      quantity: 12,
      from: `${w.site.code}-SUPPLIER`,
      to: w.bins.a1.code,
      reference: "PO-1",
      unitCost: "2.5000",
    });
    expect(posted.levels).toEqual([{ sku: w.items.plain.sku, location: w.bins.a1.code, lot: null, onHand: 12, reserved: 0, available: 12 }]);
    expect(await db.auditEntry.count({ where: { action: "stock.receive", entityId: posted.postingId! } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { type: "stock.moved", aggregateId: posted.postingId! } })).toBe(1);
    // The supplier side is a ledger sum, not a kept level.
    expect(await db.stockLevel.count({ where: { itemId: w.items.plain.id } })).toBe(1);
  });

  it("refuses to issue more than is on hand and changes nothing", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 3, to: w.bins.a1.code, reason: "received" });
    const before = await db.stockMovement.count();
    await expect(
      postMovement(db, admin, { kind: "issue", sku: w.items.plain.sku, quantity: 4, from: w.bins.a1.code, reason: "sold" }),
    ).rejects.toMatchObject({
      code: "insufficient_stock",
      details: { requested: 4, available: 3, location: w.bins.a1.code },
    });
    expect(await db.stockMovement.count()).toBe(before);
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(3);
  });

  it("moves bin to bin within a site and refuses a move to the same bin", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
    const moved = await postMovement(db, admin, {
      kind: "move",
      sku: w.items.plain.sku,
      quantity: 4,
      from: w.bins.a1.code,
      to: w.bins.a2.code,
      reason: "putaway",
    });
    expect(moved.levels.map((l) => [l.location, l.onHand])).toEqual([
      [w.bins.a1.code, 6],
      [w.bins.a2.code, 4],
    ]);
    await expect(
      postMovement(db, admin, { kind: "move", sku: w.items.plain.sku, quantity: 1, from: w.bins.a1.code, to: w.bins.a1.code, reason: "putaway" }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("requires a lot, and an expiry for a new lot, to receive lot-tracked items", async () => {
    const w = await buildWarehouse(db);
    const receive = (extra: object) =>
      postMovement(db, admin, { kind: "receive", sku: w.items.lotted.sku, quantity: 5, to: w.bins.a1.code, reason: "received", ...extra });
    await expect(receive({})).rejects.toMatchObject({ issues: [{ field: "lot" }] });
    await expect(receive({ lot: "L1" })).rejects.toMatchObject({ issues: [{ field: "expiresAt" }] });
    const posted = await receive({ lot: "L1", expiresAt: "2027-05-31" });
    expect(posted.movement).toMatchObject({ lot: "L1", expiresOn: "2027-05-31" });
    await expect(
      postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received", lot: "X" }),
    ).rejects.toMatchObject({ issues: [{ field: "lot" }] });
  });

  it("issues lot-tracked stock first-expiring-first and says which lots it took", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.lotted.sku;
    await postMovement(db, admin, {
      kind: "receive",
      sku,
      quantity: 5,
      to: w.bins.a1.code,
      reason: "received",
      lot: "LATE",
      expiresAt: "2028-01-01",
    });
    await postMovement(db, admin, {
      kind: "receive",
      sku,
      quantity: 3,
      to: w.bins.a1.code,
      reason: "received",
      lot: "EARLY",
      expiresAt: "2027-01-01",
    });
    const issued = await postMovement(db, admin, { kind: "issue", sku, quantity: 4, from: w.bins.a1.code, reason: "sold" });
    expect(issued.movements.map((m) => [m.lot, m.quantity])).toEqual([
      ["EARLY", 3],
      ["LATE", 1],
    ]);
    expect(issued.postingId).not.toBeNull();
    await expect(postMovement(db, admin, { kind: "issue", sku, quantity: 5, from: w.bins.a1.code, reason: "sold" })).rejects.toMatchObject({
      code: "insufficient_stock",
      details: { available: 4 },
    });
    const chosen = await postMovement(db, admin, { kind: "issue", sku, quantity: 2, from: w.bins.a1.code, reason: "sold", lot: "LATE" });
    expect(chosen.movements.map((m) => m.lot)).toEqual(["LATE"]);
  });

  it("keeps each serial in one place", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.serialised.sku;
    await expect(
      postMovement(db, admin, { kind: "receive", sku, quantity: 2, to: w.bins.a1.code, reason: "received", serials: ["S1"] }),
    ).rejects.toMatchObject({ issues: [{ field: "serials" }] });
    await postMovement(db, admin, { kind: "receive", sku, quantity: 2, to: w.bins.a1.code, reason: "received", serials: ["S1", "S2"] });
    await expect(
      postMovement(db, admin, { kind: "receive", sku, quantity: 1, to: w.bins.a2.code, reason: "received", serials: ["S1"] }),
    ).rejects.toMatchObject({ code: "serial_not_here" });
    const moved = await postMovement(db, admin, {
      kind: "move",
      sku,
      quantity: 1,
      from: w.bins.a1.code,
      to: w.bins.a2.code,
      reason: "putaway",
      serials: ["S2"],
    });
    expect(moved.movement?.serials).toEqual(["S2"]);
    await expect(
      postMovement(db, admin, { kind: "issue", sku, quantity: 1, from: w.bins.a1.code, reason: "sold", serials: ["S2"] }),
    ).rejects.toMatchObject({ code: "serial_not_here" });
    const serial = await db.serial.findFirstOrThrow({ where: { itemId: w.items.serialised.id, serial: "S2" } });
    expect(serial.locationId).toBe(w.bins.a2.id);
  });

  it("refuses a location whose storage conditions do not suit the item, unless a manager overrides", async () => {
    const w = await buildWarehouse(db);
    const manager = await buildUser(db, "manager");
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const receiveMilk = (actor = admin, extra: object = {}) =>
      postMovement(db, actor, {
        kind: "receive",
        sku: w.items.milk.sku,
        quantity: 1,
        to: w.bins.a1.code,
        reason: "received",
        lot: "M1",
        expiresAt: "2027-01-10",
        ...extra,
      });
    await expect(receiveMilk(clerk.actor)).rejects.toMatchObject({
      issues: [{ field: "to", message: expect.stringContaining("needs at least 2 °C") }],
    });
    await expect(receiveMilk(clerk.actor, { overrideConditions: "cold room broken" })).rejects.toMatchObject({
      issues: [{ message: expect.stringContaining("Only a manager") }],
    });
    const overridden = await receiveMilk(manager.actor, { overrideConditions: "cold room broken" });
    expect(overridden.movement?.note).toContain("overridden: cold room broken");
    await expect(
      postMovement(db, admin, { kind: "receive", sku: w.items.milk.sku, quantity: 1, to: w.bins.chilled.code, reason: "received", lot: "M1" }),
    ).resolves.toBeTruthy();
    await expect(
      postMovement(db, admin, { kind: "receive", sku: w.items.solvent.sku, quantity: 1, to: w.bins.a1.code, reason: "received" }),
    ).rejects.toMatchObject({ issues: [{ field: "to" }] });
  });

  it("lets a clerk post only at the assigned sites, and a viewer nowhere", async () => {
    const w = await buildWarehouse(db);
    const other = await buildSite(db);
    const clerk = await buildUser(db, "clerk", { sites: [other.code] });
    const viewer = await buildUser(db, "viewer");
    for (const actor of [clerk.actor, viewer.actor]) {
      await expect(
        postMovement(db, actor, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
  });

  it("counts a bin: posts the difference against count adjustments, nothing when it matches", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
    const short = await postMovement(db, admin, { kind: "count", sku: w.items.plain.sku, quantity: 7, from: w.bins.a1.code, reason: "count" });
    expect(short.movement).toMatchObject({ kind: "count", quantity: 3, from: w.bins.a1.code, to: `${w.site.code}-ADJUST` });
    const over = await postMovement(db, admin, { kind: "count", sku: w.items.plain.sku, quantity: 9, to: w.bins.a1.code, reason: "count" });
    expect(over.movement).toMatchObject({ quantity: 2, to: w.bins.a1.code });
    const same = await postMovement(db, admin, { kind: "count", sku: w.items.plain.sku, quantity: 9, from: w.bins.a1.code, reason: "count" });
    expect(same.movement).toBeNull();
    expect(same.levels[0].onHand).toBe(9);
  });

  it("reverses a movement once, restoring the levels and linking the two", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
    const issue = await postMovement(db, admin, { kind: "issue", sku: w.items.plain.sku, quantity: 4, from: w.bins.a1.code, reason: "sold" });
    const reversal = await reverseMovement(db, admin, issue.movement!.id);
    expect(reversal.movement).toMatchObject({
      kind: "reversal",
      from: `${w.site.code}-CUSTOMER`,
      to: w.bins.a1.code,
      quantity: 4,
      reverses: issue.movement!.id,
    });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(10);
    await expect(reverseMovement(db, admin, issue.movement!.id)).rejects.toMatchObject({ code: "already_reversed" });
    await expect(reverseMovement(db, admin, "999999999")).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers a batch as the ledger holds it: every movement as stored, every level as it stands after the last line", async () => {
    const w = await buildWarehouse(db);
    const serials = ["SN-B", "SN-A"];
    const batch = await postMovements(db, admin, [
      { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received", unitCost: "1.5" },
      { kind: "receive", sku: w.items.lotted.sku, quantity: 4, to: w.bins.a2.code, reason: "received", lot: "L-9", expiresAt: "2027-03-31" },
      { kind: "move", sku: w.items.plain.sku, quantity: 3, from: w.bins.a1.code, to: w.bins.a2.code, reason: "putaway" },
      { kind: "issue", sku: w.items.plain.sku, quantity: 2, from: w.bins.a1.code, reason: "sold", reference: "SO-7" },
      { kind: "receive", sku: w.items.serialised.sku, quantity: 2, to: w.bins.a1.code, reason: "received", serials },
    ]);

    const stored = await db.stockMovement.findMany({
      where: { postingId: batch.postingId! },
      orderBy: { id: "asc" },
      include: { item: true, fromLocation: true, toLocation: true, lot: true, serials: { include: { serial: true } } },
    });
    const byId = new Map(stored.map((m) => [m.id.toString(), m]));
    expect(batch.movements).toHaveLength(5);
    for (const answered of batch.movements) {
      const m = byId.get(answered.id)!;
      expect(answered).toMatchObject({
        sku: m.item.sku,
        from: m.fromLocation.code,
        to: m.toLocation.code,
        quantity: m.quantity,
        lot: m.lot?.number ?? null,
        unitCost: m.unitCost?.toFixed(4) ?? null,
        reference: m.reference,
        at: m.at.toISOString(),
        serials: m.serials.map((s) => s.serial.serial).sort(),
      });
    }
    expect(batch.movements[1]).toMatchObject({ lot: "L-9", expiresOn: "2027-03-31" });
    expect(batch.movements[4].serials).toEqual(["SN-A", "SN-B"]);

    const levels = await db.stockLevel.findMany({
      where: { locationId: { in: [w.bins.a1.id, w.bins.a2.id] } },
      include: { item: true, location: true, lot: true },
    });
    const asTheyStand = levels
      .map((l) => ({
        sku: l.item.sku,
        location: l.location.code,
        lot: l.lot?.number ?? null,
        onHand: l.onHand,
        reserved: l.reserved,
        available: l.onHand - l.reserved,
      }))
      .sort((a, b) => a.location.localeCompare(b.location) || a.sku.localeCompare(b.sku));
    const answered = [...batch.levels].sort((a, b) => a.location.localeCompare(b.location) || a.sku.localeCompare(b.sku));
    expect(answered).toEqual(asTheyStand);
    expect(answered.find((l) => l.sku === w.items.plain.sku && l.location === w.bins.a1.code)?.onHand).toBe(5);
  });

  it("replays a retry with the same idempotency key, even concurrent ones, and posts once", async () => {
    const w = await buildWarehouse(db);
    const idempotency = { actorKey: "system:system", key: `k-${w.site.code}`, hash: "h1", method: "POST", path: "/api/v1/movements" };
    const input = { kind: "receive" as const, sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => postMovement(db, admin, input, { idempotency })));
    expect(new Set(answers.map((a) => a.postingId)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(5);
    await expect(postMovement(db, admin, { ...input, quantity: 6 }, { idempotency: { ...idempotency, hash: "h2" } })).rejects.toMatchObject({
      issues: [{ field: "Idempotency-Key" }],
    });
  });
});

describe("an item with history", () => {
  it("keeps its unit and tracking mode once stock has moved", async () => {
    const { updateItem } = await import("../catalog/update-item");
    const w = await buildWarehouse(db);
    await expect(updateItem(db, admin, w.items.solvent.sku, { unit: "l" })).resolves.toMatchObject({ unit: "l" });
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
    await expect(updateItem(db, admin, w.items.plain.sku, { tracking: "lot" })).rejects.toMatchObject({ code: "item_has_history" });
    await expect(updateItem(db, admin, w.items.plain.sku, { unit: "kg" })).rejects.toMatchObject({ code: "item_has_history" });
    await expect(updateItem(db, admin, w.items.plain.sku, { name: "Renamed" })).resolves.toMatchObject({ name: "Renamed" });
  });
});
