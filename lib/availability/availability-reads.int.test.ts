// Every read that shows or uses "available" answers the one rule (availability-rule.ts): on hand − reserved per
// level, never below zero, nothing in staging or quarantine, nothing of a lot past its expiry.
import { beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { problemOf } from "../../tests/factories/transfers";
import { SYSTEM_ACTOR } from "../auth/actor";
import { listItemTable } from "../catalog/list-item-table";
import { getDb } from "../db/client";
import { listStock } from "../ledger/list-stock";
import { postMovement } from "../ledger/post-movement";
import { createReservation } from "../reservations/create-reservation";
import { listItemLocations } from "../search/list-item-locations";
import { searchEverything } from "../search/search-everything";
import { createTransfer } from "../transfers/create-transfer";
import { getAvailability } from "./get-availability";

const db = getDb();
const admin = SYSTEM_ACTOR;

type World = Awaited<ReturnType<typeof build>>;
let w: World;

/**
 * plain: 6 in A1 (2 of them reserved), 3 in quarantine, 2 in staging → on hand 11, available 4.
 * lotted: lot OLD ×4 in A2 past its expiry, lot NEW ×3 in A1 → on hand 7, available 3.
 * quarantined: 5 in quarantine only → available 0 ("out").
 */
async function build() {
  const warehouse = await buildWarehouse(db);
  const { site, bins, items } = warehouse;
  const root = await db.location.findUniqueOrThrow({ where: { code: site.code } });
  const zone = (suffix: string, purpose: "quarantine" | "staging") =>
    db.location.create({
      data: {
        siteId: site.id,
        parentId: root.id,
        code: `${site.code}-${suffix}`,
        name: suffix,
        type: "bin",
        path: `${root.path}/${site.code}-${suffix}`,
        purpose,
      },
    });
  const quarantine = await zone("QB", "quarantine");
  const staging = await zone("SB", "staging");
  const receive = (sku: string, quantity: number, to: string, extra: object = {}) =>
    postMovement(db, admin, { kind: "receive", sku, quantity, to, reason: "received", ...extra });
  await receive(items.plain.sku, 6, bins.a1.code);
  await receive(items.plain.sku, 3, quarantine.code);
  await receive(items.plain.sku, 2, staging.code);
  await receive(items.lotted.sku, 4, bins.a2.code, { lot: "OLD", expiresAt: "2030-01-01" });
  await receive(items.lotted.sku, 3, bins.a1.code, { lot: "NEW", expiresAt: "2031-01-01" });
  const quarantined = await db.item.create({
    data: { sku: `${site.code}-QONLY`, skuKey: `${site.code}-QONLY`.toLowerCase(), name: "Quarantined only" },
  });
  await receive(quarantined.sku, 5, quarantine.code);
  // Received in date, then the date passed: the lot stays on the shelf but can no longer be promised.
  await db.lot.updateMany({ where: { itemId: items.lotted.id, number: "OLD" }, data: { expiresOn: new Date("2020-01-01") } });
  await createReservation(db, admin, { sku: items.plain.sku, quantity: 2, site: site.code, reference: "hold-2" });
  return { ...warehouse, items: { ...items, quarantined }, quarantine, staging };
}

beforeAll(async () => {
  w = await build();
});

describe("the one availability rule in every read", () => {
  it("GET /api/v1/availability", async () => {
    const rows = async (sku: string) => (await getAvailability(db, admin, { sku, site: w.site.code })).data;
    expect(await rows(w.items.plain.sku)).toEqual([{ sku: w.items.plain.sku, site: w.site.code, onHand: 11, reserved: 2, available: 4 }]);
    expect(await rows(w.items.lotted.sku)).toMatchObject([{ onHand: 7, reserved: 0, available: 3 }]);
    expect(await rows(w.items.quarantined.sku)).toMatchObject([{ onHand: 5, available: 0 }]);
  });

  it("GET /api/v1/availability pages by its cursor, and a cursor it cannot read is 422 on `cursor`", async () => {
    const whole = (await getAvailability(db, admin, { site: w.site.code })).data;
    expect(whole.map((row) => row.sku)).toEqual([w.items.lotted.sku, w.items.plain.sku, w.items.quarantined.sku]);
    const paged = [];
    let cursor: string | undefined;
    do {
      const page = await getAvailability(db, admin, { site: w.site.code, limit: 1, cursor });
      paged.push(...page.data);
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(paged).toEqual(whole);
    for (const garbled of ["not-a-cursor", Buffer.from(JSON.stringify([1, 2])).toString("base64url")]) {
      expect(await problemOf(getAvailability(db, admin, { site: w.site.code, cursor: garbled }))).toMatchObject({
        status: 422,
        errors: [{ field: "cursor" }],
      });
    }
  });

  it("GET /api/v1/stock (the item page and the map's location panel): per level", async () => {
    const levels = (await listStock(db, admin, { site: w.site.code })).data;
    const of = (sku: string, location: string, lot: string | null = null) =>
      levels.find((l) => l.sku === sku && l.location === location && l.lot === lot);
    expect(of(w.items.plain.sku, w.bins.a1.code)).toMatchObject({ onHand: 6, reserved: 2, available: 4 });
    expect(of(w.items.plain.sku, w.quarantine.code)).toMatchObject({ onHand: 3, reserved: 0, available: 0 });
    expect(of(w.items.plain.sku, w.staging.code)).toMatchObject({ onHand: 2, reserved: 0, available: 0 });
    expect(of(w.items.lotted.sku, w.bins.a2.code, "OLD")).toMatchObject({ onHand: 4, available: 0 });
    expect(of(w.items.lotted.sku, w.bins.a1.code, "NEW")).toMatchObject({ onHand: 3, available: 3 });
  });

  it("the items table: available column, its sort and the stock status filter", async () => {
    const table = await listItemTable(db, admin, { q: w.site.code, site: w.site.code, sort: "available", dir: "desc" });
    const row = (sku: string) => table.rows.find((r) => r.sku === sku)!;
    expect(row(w.items.plain.sku)).toMatchObject({ onHand: 11, reserved: 2, available: 4, status: "in" });
    expect(row(w.items.lotted.sku)).toMatchObject({ onHand: 7, available: 3, status: "in" });
    expect(row(w.items.quarantined.sku)).toMatchObject({ onHand: 5, available: 0, status: "out" });
    expect(table.rows.slice(0, 2).map((r) => r.sku)).toEqual([w.items.plain.sku, w.items.lotted.sku]);
    const out = await listItemTable(db, admin, { q: w.site.code, status: "out" });
    expect(out.rows.map((r) => r.sku)).toContain(w.items.quarantined.sku);
    expect(out.rows.map((r) => r.sku)).not.toContain(w.items.plain.sku);
  });

  it("search: available per location on a hit, and the stock status filter", async () => {
    const [hit] = (await searchEverything(db, admin, { q: w.items.plain.sku })).filter((h) => h.type === "item");
    expect(hit.stock).toEqual(
      expect.arrayContaining([
        { location: w.bins.a1.code, onHand: 6, available: 4 },
        { location: w.quarantine.code, onHand: 3, available: 0 },
        { location: w.staging.code, onHand: 2, available: 0 },
      ]),
    );
    const items = async (stockStatus: "out" | "in") =>
      (await searchEverything(db, admin, { q: "quarantined only", stockStatus, site: w.site.code }))
        .filter((h) => h.type === "item")
        .map((h) => h.sku);
    // Only in quarantine: on hand, but out of stock to whoever wants to promise it.
    expect(await items("out")).toContain(w.items.quarantined.sku);
    expect(await items("in")).not.toContain(w.items.quarantined.sku);
  });

  it("the item's locations (where is it): available per bin", async () => {
    const rows = await listItemLocations(db, admin, w.items.lotted.sku);
    expect(rows.map((r) => [r.location, r.lot, r.onHand, r.available])).toEqual(
      expect.arrayContaining([
        [w.bins.a2.code, "OLD", 4, 0],
        [w.bins.a1.code, "NEW", 3, 3],
      ]),
    );
  });

  it("reservations: a lot past its expiry is not available (409 with `available`)", async () => {
    const reserve = (quantity: number, lot?: string) =>
      problemOf(
        createReservation(db, admin, { sku: w.items.lotted.sku, quantity, site: w.site.code, reference: "expired-lot", ...(lot ? { lot } : {}) }),
      );
    expect(await reserve(4)).toMatchObject({ status: 409, code: "not_enough_available", available: 3 });
    expect(await reserve(1, "OLD")).toMatchObject({ status: 409, available: 0 });
    expect(await db.reservation.count({ where: { reference: "expired-lot" } })).toBe(0);
  });

  it("transfers: only what is available can be sent (quarantine and expired lots are not)", async () => {
    const other = await buildWarehouse(db);
    const send = (sku: string, quantity: number) =>
      problemOf(createTransfer(db, admin, { from: w.site.code, to: other.site.code, lines: [{ sku, quantity }] }));
    expect(await send(w.items.lotted.sku, 4)).toMatchObject({ status: 409, available: 3, errors: [{ field: "lines.0.quantity" }] });
    expect(await send(w.items.plain.sku, 5)).toMatchObject({ status: 409, available: 4 });
    expect(await send(w.items.quarantined.sku, 1)).toMatchObject({ status: 409, available: 0 });
  });
});
