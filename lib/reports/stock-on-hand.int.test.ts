// The stock-on-hand report on a warehouse worked out by hand: held, quarantined, expired and emptied stock, and a
// second site that a site filter leaves out.
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { ensureCategory } from "../catalog/ensure-category";
import { getDb, type DbTx } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createReservation } from "../reservations/create-reservation";
import { runReport } from "./run-report";

const db = getDb();

describe("stock on hand report", () => {
  it("answers on hand, reserved and available per item × site or location, leaving empty rows out", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const { plain, lotted, solvent } = w.items;
    await db.item.update({ where: { id: plain.id }, data: { categoryId: await ensureCategory(db as unknown as DbTx, "Tools > Drills") } });
    await db.item.update({ where: { id: lotted.id }, data: { categoryId: await ensureCategory(db as unknown as DbTx, "Food") } });
    const root = await db.location.findUniqueOrThrow({ where: { code: w.site.code } });
    const quarantine = await db.location.create({
      data: {
        siteId: w.site.id,
        parentId: root.id,
        code: `${w.site.code}-Q1`,
        name: "Quarantine",
        type: "bin",
        purpose: "quarantine",
        path: `${w.site.code}/${w.site.code}-Q1`,
      },
    });
    const post = (input: Record<string, unknown>) => postMovement(db, SYSTEM_ACTOR, input as Parameters<typeof postMovement>[2]);

    // plain: 10 in A1, 2 sold, 3 in quarantine; 5 of A1's 8 held → A1 8 on hand, 5 reserved, 3 available; Q1 3, 0, 0.
    // Value at the site: 10 × 2.00 − 2 × 2.00 + 3 × 2.00 = 22 (none per location).
    await post({ kind: "receive", sku: plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received", unitCost: "2.00" });
    await post({ kind: "issue", sku: plain.sku, quantity: 2, from: w.bins.a1.code, reason: "sold" });
    await post({ kind: "receive", sku: plain.sku, quantity: 3, to: quarantine.code, reason: "received", unitCost: "2.00" });
    await createReservation(db, SYSTEM_ACTOR, { sku: plain.sku, quantity: 5, site: w.site.code, reference: "SO-9" });
    // lotted in A2: lot OLD 6 (expired since: not available), lot NEW 2 → 8 on hand, 2 available.
    await post({ kind: "receive", sku: lotted.sku, quantity: 6, to: w.bins.a2.code, reason: "received", lot: "OLD", expiresAt: "2031-01-31" });
    await post({ kind: "receive", sku: lotted.sku, quantity: 2, to: w.bins.a2.code, reason: "received", lot: "NEW", expiresAt: "2031-06-30" });
    await db.lot.updateMany({ where: { itemId: lotted.id, number: "OLD" }, data: { expiresOn: new Date("2020-01-31") } });
    // solvent: in and out again → no row.
    await post({ kind: "receive", sku: solvent.sku, quantity: 1, to: w.bins.cage.code, reason: "received" });
    await post({ kind: "issue", sku: solvent.sku, quantity: 1, from: w.bins.cage.code, reason: "sold" });
    // The other site's stock is not this site's (7 × 1.25 = 8.75 there). The lotted receipts had no cost: 0.
    await post({ kind: "receive", sku: plain.sku, quantity: 7, to: other.bins.a1.code, reason: "received", unitCost: "1.25" });

    const row = (
      item: typeof plain,
      category: string | null,
      site: string,
      location: string | null,
      onHand: number,
      reserved: number,
      available: number,
      value: string | null,
    ) => ({
      sku: item.sku,
      name: item.name,
      category,
      site,
      location,
      onHand,
      reserved,
      available,
      unit: "ea",
      value,
    });
    const bySite = await runReport(db, SYSTEM_ACTOR, "stock-on-hand", { site: w.site.code });
    // By SKU (…-LOT before …-PLAIN), then site.
    expect(bySite.data).toEqual([
      row(lotted, "Food", w.site.code, null, 8, 0, 2, "0.0000"),
      row(plain, "Tools > Drills", w.site.code, null, 11, 5, 3, "22.0000"),
    ]);
    expect(bySite.next).toBeNull();

    const byLocation = await runReport(db, SYSTEM_ACTOR, "stock-on-hand", { site: w.site.code, by: "location" });
    expect(byLocation.data).toEqual([
      row(lotted, "Food", w.site.code, w.bins.a2.code, 8, 0, 2, null),
      row(plain, "Tools > Drills", w.site.code, w.bins.a1.code, 8, 5, 3, null),
      row(plain, "Tools > Drills", w.site.code, quarantine.code, 3, 0, 0, null),
    ]);

    const tools = await runReport(db, SYSTEM_ACTOR, "stock-on-hand", { site: w.site.code, category: "Tools" });
    expect(tools.data.map((r) => r.sku)).toEqual([plain.sku]);
    const elsewhere = await runReport(db, SYSTEM_ACTOR, "stock-on-hand", { site: other.site.code });
    expect(elsewhere.data).toEqual([row(plain, "Tools > Drills", other.site.code, null, 7, 0, 7, "8.7500")]);
    // The period is accepted and ignored: stock on hand is today's.
    const past = await runReport(db, SYSTEM_ACTOR, "stock-on-hand", { site: w.site.code, from: "2020-01-01", to: "2020-01-31" });
    expect(past.data).toEqual(bySite.data);
  });
});
