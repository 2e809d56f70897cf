import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildZonedWarehouse, onHand } from "../../tests/factories/stock";
import { problemOf } from "../../tests/factories/transfers";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { addCountScans } from "./add-count-scans";
import { getCount } from "./get-count";
import { startCount } from "./start-count";
import { submitCount } from "./submit-count";

const db = getDb();
const admin = SYSTEM_ACTOR;

/** The factory's warehouse plus a zone Z with bins Z1 and Z2; Z1 holds 10 plain and 4 of lot L1, Z2 holds 3 plain. */
async function stockedZone() {
  const w = await buildZonedWarehouse(db);
  const { z1, z2, receive } = w;
  await receive(w.items.plain.sku, 10, z1.code);
  await receive(w.items.lotted.sku, 4, z1.code, { lot: "L1", expiresAt: "2027-03-31" });
  await receive(w.items.plain.sku, 3, z2.code);
  const lot = await db.lot.findFirstOrThrow({ where: { itemId: w.items.lotted.id, number: "L1" } });
  return { ...w, lot };
}

describe("submitCount", () => {
  it("posts exactly the differences, lists what is missing and unexpected, and closes the count", async () => {
    const w = await stockedZone();
    const count = await startCount(db, admin, { location: w.zone.code });
    await addCountScans(db, admin, count.id, [
      { location: w.z1.code, sku: w.items.plain.sku, quantity: 8 },
      { location: w.z1.code, sku: w.items.lotted.sku, lot: "L1", quantity: 4 },
    ]);
    const { count: submitted, posting } = await submitCount(db, admin, count.id, {
      scans: [{ location: w.z2.code, sku: w.items.solvent.sku, quantity: 2, source: "manual" }],
    });

    expect(submitted.status).toBe("submitted");
    expect(submitted.lines.map((l) => [l.location, l.sku, l.lot, l.expected, l.counted, l.difference])).toEqual([
      [w.z1.code, w.items.lotted.sku, "L1", 4, 4, 0],
      [w.z1.code, w.items.plain.sku, null, 10, 8, -2],
      [w.z2.code, w.items.plain.sku, null, 3, 0, -3],
      [w.z2.code, w.items.solvent.sku, null, 0, 2, 2],
    ]);
    expect(submitted.missing.map((l) => [l.location, l.sku])).toEqual([[w.z2.code, w.items.plain.sku]]);
    expect(submitted.unexpected.map((l) => [l.location, l.sku])).toEqual([[w.z2.code, w.items.solvent.sku]]);
    expect(posting!.movements).toHaveLength(3);
    for (const m of posting!.movements) expect(m).toMatchObject({ kind: "count", reason: "count", reference: `COUNT ${count.id}` });

    expect(await onHand(db, w.items.plain.id, w.z1.id)).toBe(8);
    expect(await onHand(db, w.items.plain.id, w.z2.id)).toBe(0);
    expect(await onHand(db, w.items.solvent.id, w.z2.id)).toBe(2);
    expect(await onHand(db, w.items.lotted.id, w.z1.id, w.lot.id)).toBe(4);
    const session = await db.countSession.findUniqueOrThrow({ where: { id: count.id } });
    expect(session).toMatchObject({ status: "submitted", postingId: posting!.postingId });
    expect(session.closedAt).not.toBeNull();
    expect(await db.outboxEvent.count({ where: { type: "count.submitted", aggregateId: count.id } })).toBe(1);
    // Now the ledger agrees with the count.
    expect((await getCount(db, admin, count.id)).lines.every((l) => l.difference === 0)).toBe(true);
    await expect(submitCount(db, admin, count.id)).rejects.toMatchObject({ code: "count_not_open" });
    await expect(startCount(db, admin, { location: w.zone.code })).resolves.toMatchObject({ status: "open" });
  });

  it("posts nothing when the count matches the ledger", async () => {
    const w = await stockedZone();
    const count = await startCount(db, admin, { location: w.z2.code });
    const { posting, count: submitted } = await submitCount(db, admin, count.id, {
      scans: [{ location: w.z2.code, sku: w.items.plain.sku, quantity: 3 }],
    });
    expect(posting).toBeNull();
    expect(submitted.missing).toEqual([]);
    expect(await onHand(db, w.items.plain.id, w.z2.id)).toBe(3);
  });

  it("changes nothing and stays open when the posting is refused", async () => {
    const w = await stockedZone();
    await db.stockLevel.updateMany({ where: { itemId: w.items.plain.id, locationId: w.z2.id }, data: { reserved: 3 } });
    const count = await startCount(db, admin, { location: w.zone.code });
    await expect(submitCount(db, admin, count.id, { scans: [{ location: w.z1.code, sku: w.items.plain.sku, quantity: 10 }] })).rejects.toMatchObject({
      code: "insufficient_stock",
      details: { location: w.z2.code },
    });
    expect(await db.countSession.findUniqueOrThrow({ where: { id: count.id } })).toMatchObject({ status: "open", postingId: null });
    expect(await db.countScan.count({ where: { sessionId: count.id } })).toBe(0);
    expect(await onHand(db, w.items.plain.id, w.z1.id)).toBe(10);
    expect(await db.stockMovement.count({ where: { reference: `COUNT ${count.id}` } })).toBe(0);
  });

  it("corrects serial-tracked items serial by serial: lost where missing, moved where found elsewhere", async () => {
    const w = await stockedZone();
    await w.receive(w.items.serialised.sku, 2, w.z1.code, { serials: ["S1", "S2"] });
    await w.receive(w.items.serialised.sku, 1, w.bins.a1.code, { serials: ["S3"] });
    const count = await startCount(db, admin, { location: w.zone.code });
    const { posting } = await submitCount(db, admin, count.id, {
      scans: [
        { location: w.z1.code, sku: w.items.plain.sku, quantity: 10 },
        { location: w.z1.code, sku: w.items.lotted.sku, lot: "L1", quantity: 4 },
        { location: w.z2.code, sku: w.items.plain.sku, quantity: 3 },
        { location: w.z1.code, sku: w.items.serialised.sku, serial: "S1", source: "rfid" },
        { location: w.z2.code, sku: w.items.serialised.sku, serial: "S3", source: "rfid" },
      ],
    });
    expect(posting!.movements.map((m) => [m.kind, m.from, m.to, m.serials])).toEqual(
      expect.arrayContaining([
        ["loss", w.z1.code, `${w.site.code}-LOSS`, ["S2"]],
        ["move", w.bins.a1.code, w.z2.code, ["S3"]],
      ]),
    );
    expect(posting!.movements).toHaveLength(2);
    expect(await onHand(db, w.items.serialised.id, w.z1.id)).toBe(1);
    expect(await onHand(db, w.items.serialised.id, w.z2.id)).toBe(1);
    expect(await onHand(db, w.items.serialised.id, w.bins.a1.id)).toBe(0);
  });

  it("refuses a serial recorded at another site, naming its location only to those who may see that site", async () => {
    const [w, other] = [await stockedZone(), await buildZonedWarehouse(db)];
    await other.receive(other.items.serialised.sku, 1, other.z1.code, { serials: ["AWAY-1"] });
    // A refused count stays open, so each clerk counts a bin of their own.
    const submitAs = async (sites: string[], bin: string) => {
      const clerk = await buildUser(db, "clerk", { sites });
      const count = await startCount(db, clerk.actor, { location: bin });
      return problemOf(
        submitCount(db, clerk.actor, count.id, { scans: [{ location: bin, sku: other.items.serialised.sku, serial: "AWAY-1", source: "rfid" }] }),
      );
    };
    const refused = await submitAs([w.site.code], w.z1.code);
    expect(refused).toMatchObject({
      status: 422,
      errors: [
        { field: "scans", message: `serial AWAY-1 of ${other.items.serialised.sku} is recorded at another site: return or transfer it first` },
      ],
    });
    expect(JSON.stringify(refused)).not.toContain(other.z1.code);
    expect(await submitAs([w.site.code, other.site.code], w.z2.code)).toMatchObject({
      errors: [{ message: expect.stringContaining(`recorded at ${other.z1.code}`) }],
    });
  });

  it("answers a retry with the same Idempotency-Key from the stored answer and posts once", async () => {
    const w = await stockedZone();
    const count = await startCount(db, admin, { location: w.z2.code });
    const idempotency = {
      actorKey: "system:system",
      key: `count-${count.id}`,
      hash: "h1",
      method: "POST",
      path: `/api/v1/counts/${count.id}/submit`,
    };
    const input = { scans: [{ location: w.z2.code, sku: w.items.plain.sku, quantity: 1 }] };
    const first = await submitCount(db, admin, count.id, input, { idempotency });
    const again = await submitCount(db, admin, count.id, input, { idempotency });
    expect(first.replayed).toBeUndefined();
    expect(again).toMatchObject({ replayed: true, posting: { postingId: first.posting!.postingId } });
    expect(await db.stockMovement.count({ where: { reference: `COUNT ${count.id}` } })).toBe(1);
    expect(await onHand(db, w.items.plain.id, w.z2.id)).toBe(1);
  });

  it("forbids a clerk of another site", async () => {
    const w = await stockedZone();
    const count = await startCount(db, admin, { location: w.z2.code });
    const clerk = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    await expect(submitCount(db, clerk.actor, count.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.countSession.findUniqueOrThrow({ where: { id: count.id } })).status).toBe("open");
  });
});
