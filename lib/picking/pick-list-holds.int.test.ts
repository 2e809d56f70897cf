import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getAvailability } from "../availability/get-availability";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { extendReservation, fulfilReservation, releaseReservation } from "../reservations/change-reservation";
import { createReservation } from "../reservations/create-reservation";
import { cancelPickList } from "./cancel-pick-list";
import { confirmPick } from "./confirm-pick";
import { createPickList } from "./create-pick-list";

const db = getDb();
const admin = SYSTEM_ACTOR;

async function stocked(quantity: number) {
  const w = await buildWarehouse(db);
  await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity, to: w.bins.a1.code, reason: "received" });
  const availability = async () => (await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0];
  return { w, availability };
}

describe("a plain pick list holds what it plans", () => {
  it("reduces availability: a reservation for more than the rest is refused with 409", async () => {
    const { w, availability } = await stocked(5);
    const list = await createPickList(db, admin, { site: w.site.code, reference: "PL-H1", lines: [{ sku: w.items.plain.sku, quantity: 3 }] });
    expect(await availability()).toMatchObject({ onHand: 5, reserved: 3, available: 2 });
    const line = await db.pickListLine.findFirstOrThrow({ where: { pickListId: list.id }, select: { id: true } });
    expect(await db.reservation.findFirst({ where: { pickListLineId: line.id }, select: { held: true, status: true, expiresAt: true } })).toEqual({
      held: 3,
      status: "active",
      expiresAt: null,
    });
    await expect(createReservation(db, admin, { sku: w.items.plain.sku, quantity: 3, site: w.site.code, reference: "cart" })).rejects.toMatchObject({
      code: "not_enough_available",
      details: expect.objectContaining({ available: 2 }),
    });
    await expect(createReservation(db, admin, { sku: w.items.plain.sku, quantity: 2, site: w.site.code, reference: "cart" })).resolves.toMatchObject({
      status: "active",
    });
    await expect(createPickList(db, admin, { site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity: 1 }] })).rejects.toMatchObject({
      code: "not_enough_to_pick",
    });
  });

  it("a pick consumes the hold; cancelling releases only what was not picked", async () => {
    const { w, availability } = await stocked(5);
    const list = await createPickList(db, admin, { site: w.site.code, reference: "PL-H2", lines: [{ sku: w.items.plain.sku, quantity: 4 }] });
    await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 3 });
    expect(await availability()).toMatchObject({ onHand: 2, reserved: 1, available: 1 });
    await cancelPickList(db, admin, list.id);
    expect(await availability()).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    const reservation = await db.reservation.findFirstOrThrow({ where: { pickListLine: { pickListId: list.id } } });
    expect(reservation).toMatchObject({ status: "released", held: 0, fulfilled: 3 });
  });

  it("its hold ends with the list: release, extend and fulfil through the reservations API are refused", async () => {
    const { w, availability } = await stocked(3);
    const list = await createPickList(db, admin, { site: w.site.code, reference: "PL-H4", lines: [{ sku: w.items.plain.sku, quantity: 2 }] });
    const { id } = await db.reservation.findFirstOrThrow({ where: { pickListLine: { pickListId: list.id } }, select: { id: true } });
    const refusal = { code: "reservation_of_a_document", details: expect.objectContaining({ document: "pick list PL-H4" }) };
    await expect(releaseReservation(db, admin, id)).rejects.toMatchObject(refusal);
    await expect(extendReservation(db, admin, id, { ttlSeconds: 60 })).rejects.toMatchObject(refusal);
    await expect(fulfilReservation(db, admin, id, {})).rejects.toMatchObject(refusal);
    expect(await availability()).toMatchObject({ onHand: 3, reserved: 2, available: 1 });
  });

  it("the last unit picked closes the hold as fulfilled", async () => {
    const { w, availability } = await stocked(2);
    const list = await createPickList(db, admin, { site: w.site.code, reference: "PL-H3", lines: [{ sku: w.items.plain.sku, quantity: 2 }] });
    await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 2 });
    expect(await availability()).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await db.reservation.findFirstOrThrow({ where: { pickListLine: { pickListId: list.id } } })).toMatchObject({
      status: "fulfilled",
      fulfilled: 2,
    });
  });

  it("plans from what the availability rule counts: staging and expired lots are not offered", async () => {
    const { w } = await stocked(1);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 4, to: `${w.site.code}-STAGING`, reason: "received" });
    await postMovement(db, admin, {
      kind: "receive",
      sku: w.items.lotted.sku,
      quantity: 4,
      to: w.bins.a2.code,
      reason: "received",
      lot: "OLD",
      expiresAt: "2020-01-01",
    });
    await expect(createPickList(db, admin, { site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity: 2 }] })).rejects.toMatchObject({
      code: "not_enough_to_pick",
      details: expect.objectContaining({ available: 1 }),
    });
    await expect(createPickList(db, admin, { site: w.site.code, lines: [{ sku: w.items.lotted.sku, quantity: 1 }] })).rejects.toMatchObject({
      code: "not_enough_to_pick",
    });
  });

  it("concurrent lists never plan the same units twice", async () => {
    const { w, availability } = await stocked(5);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createPickList(db, admin, { site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity: 2 }] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "not_enough_to_pick")).toBe(true);
    expect(await availability()).toMatchObject({ reserved: 4, available: 1 });
  });
});
