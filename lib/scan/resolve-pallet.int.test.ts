import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildPurchasing } from "../../tests/factories/purchasing";
import { buildWarehouse } from "../../tests/factories/stock";
import { getDb } from "../db/client";
import { gs1CheckDigit } from "../gs1/check-digit";
import { receivePurchaseOrder } from "../purchasing/receive-purchase-order";
import { recordShippingNotice } from "../purchasing/record-shipping-notice";
import { resolveScannedData } from "./resolve-scanned-data";

const db = getDb();
let sequence = 0;

/** A fresh valid SSCC: the SSCC is unique across every shipping notice, so each test needs its own. */
function newSscc(): string {
  const base = `3761234${String(Date.now()).slice(-7)}${String(sequence++).padStart(3, "0")}`;
  return `${base}${gs1CheckDigit(base)}`;
}

/** A sent order whose supplier announced one pallet (a plain and a lotted line) with an SSCC. */
async function announcedPallet() {
  const w = await buildPurchasing(db);
  const manager = await buildUser(db, "manager");
  const order = await w.sentOrder([
    { sku: w.items.plain.sku, quantity: 12 },
    { sku: w.items.lotted.sku, quantity: 4 },
  ]);
  const sscc = newSscc();
  await recordShippingNotice(db, manager.actor, order.id, {
    sscc,
    shipDate: "2027-01-02",
    expectedAt: "2027-01-05",
    lines: [
      { sku: w.items.plain.sku, quantity: 12 },
      { sku: w.items.lotted.sku, quantity: 4, lot: "PAL-L1", expiresAt: "2027-09-30" },
    ],
  });
  return { ...w, order, sscc };
}

describe("scanning a pallet's SSCC", () => {
  it("finds the order, its supplier and the notice's lines for a clerk of its site, then says when it was received", async () => {
    const w = await announcedPallet();
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const scanned = await resolveScannedData(db, clerk.actor, `]C100${w.sscc}`);
    expect(scanned).toMatchObject({
      kind: "sscc",
      sscc: w.sscc,
      pallet: {
        sscc: w.sscc,
        purchaseOrder: { id: w.order.id, number: w.order.number, status: "sent", site: w.site.code },
        supplier: { code: w.supplier.code, name: w.supplier.name },
        lines: [
          { sku: w.items.plain.sku, quantity: 12, lot: null, expiresAt: null },
          { sku: w.items.lotted.sku, quantity: 4, lot: "PAL-L1", expiresAt: "2027-09-30" },
        ],
        receivedAt: null,
        canReceive: true,
      },
    });
    expect(scanned.message).toBeUndefined();

    await receivePurchaseOrder(db, clerk.actor, w.order.id, { to: w.bins.a1.code, sscc: w.sscc });
    const again = await resolveScannedData(db, clerk.actor, `(00)${w.sscc}`);
    expect(again.pallet).toMatchObject({ purchaseOrder: { status: "received" }, canReceive: false });
    expect(Date.parse(again.pallet!.receivedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("lets a viewer see the pallet but not receive it", async () => {
    const w = await announcedPallet();
    const viewer = await buildUser(db, "viewer", { sites: [w.site.code] });
    expect((await resolveScannedData(db, viewer.actor, `(00)${w.sscc}`)).pallet).toMatchObject({ receivedAt: null, canReceive: false });
  });

  it("hides another site's pallet from a clerk exactly as an SSCC nobody announced", async () => {
    const w = await announcedPallet();
    const elsewhere = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [elsewhere.site.code] });
    const hidden = await resolveScannedData(db, clerk.actor, `(00)${w.sscc}`);
    const unknownSscc = newSscc();
    const unknown = await resolveScannedData(db, clerk.actor, `(00)${unknownSscc}`);
    expect(hidden.pallet).toBeUndefined();
    expect(hidden).toMatchObject({
      kind: "sscc",
      sscc: w.sscc,
      message: `No purchase order you can see expects the pallet ${w.sscc}: check the label, or receive its items one by one`,
    });
    expect(unknown).toMatchObject({ kind: "sscc", sscc: unknownSscc });
    expect(unknown.pallet).toBeUndefined();
    expect(unknown.message).toBe(hidden.message!.replace(w.sscc, unknownSscc));
  });
});
