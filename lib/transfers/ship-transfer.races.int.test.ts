// Steps of one transfer at the same moment: the transfer's row lock lets one through; the others see its result.
import { describe, expect, it } from "vitest";
import { onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createTransfer } from "./create-transfer";
import { receiveTransfer } from "./receive-transfer";
import { shipTransfer } from "./ship-transfer";
import { buildTwoSites, statusOf, stockAcross } from "../../tests/factories/transfers";

const db = getDb();
const admin = SYSTEM_ACTOR;

describe("shipTransfer under concurrency", () => {
  it("ships once when the same transfer is shipped five times at the same moment: the others get 409", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    // 2 units of 10 on hand: without the transfer's lock every one of the five ships would find stock and post.
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 2 }],
    });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => statusOf(shipTransfer(db, admin, transfer.id))));
    expect(statuses.sort()).toEqual([200, 409, 409, 409, 409]);
    const transit = await db.location.findUniqueOrThrow({ where: { code: `${source.site.code}-TRANSIT` } });
    expect(await onHand(db, items.plain.id, transit.id)).toBe(2);
    expect((await onHand(db, items.plain.id, source.bins.a1.id)) + (await onHand(db, items.plain.id, source.bins.a2.id))).toBe(8);
    expect(await db.stockMovement.count({ where: { kind: "transfer_ship", itemId: items.plain.id } })).toBe(1);
    expect(await db.transferStep.count({ where: { transferId: transfer.id, step: "shipped" } })).toBe(1);
  });

  it("neither loses nor creates units when transfers ship and receive while the same stock is issued", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const sites = [source.site.id, destination.site.id];
    const transfers = await Promise.all(
      Array.from({ length: 4 }, () =>
        createTransfer(db, admin, { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 2 }] }),
      ),
    );
    const before = await stockAcross(db, sites, [items.plain.id]);
    const issues = Array.from({ length: 4 }, () =>
      postMovement(db, admin, { kind: "issue", sku: items.plain.sku, quantity: 1, from: source.bins.a1.code, reason: "sold" }),
    );
    const ships = transfers.map((t) => shipTransfer(db, admin, t.id));
    const outcomes = await Promise.allSettled([...issues, ...ships]);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "insufficient_stock" });
    const issued = outcomes.slice(0, 4).filter((o) => o.status === "fulfilled").length;
    expect(await stockAcross(db, sites, [items.plain.id])).toBe(before - issued);

    const shipped = transfers.filter((_, i) => outcomes[4 + i].status === "fulfilled");
    expect(shipped.length).toBeGreaterThan(0);
    await Promise.all(
      shipped.map((t) =>
        receiveTransfer(db, admin, t.id, { lines: [{ sku: items.plain.sku, quantity: 2, to: destination.bins.a1.code }], close: true }),
      ),
    );
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(2 * shipped.length);
    expect(await stockAcross(db, sites, [items.plain.id])).toBe(before - issued);
  });
});
