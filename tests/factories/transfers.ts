// Two warehouses and stock at the first, for the transfer integration tests (belongs in tests/factories/ once
// that folder is open to this work: it is here only because this change may add files under lib/transfers/).
import { buildWarehouse } from "./stock";
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import { toProblem, type Problem } from "../../lib/http/problem";
import { postMovement } from "../../lib/ledger/post-movement";

let sequence = 0;

/**
 * Source holds plain ×6 in A1 and ×4 in A2; lotted lot SOON (expires 2027-03-31) ×5 in A2 and lot LATE
 * (2027-12-31) ×5 in A1; serial units S1–S3 in A1. The destination holds nothing.
 */
export async function buildTwoSites(db: Db) {
  const source = await buildWarehouse(db);
  const destination = await buildWarehouse(db);
  const { plain, lotted, serialised } = source.items;
  const receive = (sku: string, quantity: number, to: string, extra: object = {}) =>
    postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received", ...extra });
  await receive(plain.sku, 6, source.bins.a1.code);
  await receive(plain.sku, 4, source.bins.a2.code);
  await receive(lotted.sku, 5, source.bins.a1.code, { lot: "LATE", expiresAt: "2027-12-31" });
  await receive(lotted.sku, 5, source.bins.a2.code, { lot: "SOON", expiresAt: "2027-03-31" });
  await receive(serialised.sku, 3, source.bins.a1.code, { serials: ["S1", "S2", "S3"] });
  return { source, destination, items: source.items };
}

/** Gives the item a preferred supplier at this unit cost, so transfers of it have a value. */
export async function setPreferredCost(db: Db, itemId: string, unitCost: string) {
  const supplier = await db.supplier.create({ data: { code: `SUP${Date.now().toString(36)}${sequence++}`, name: "Supplier" } });
  await db.itemSupplier.create({ data: { itemId, supplierId: supplier.id, unitCost, preferred: true } });
}

/** Units of the items on hand at the sites' physical and in-transit locations (the only ones with levels). */
export async function stockAcross(db: Db, siteIds: string[], itemIds: string[]) {
  const sum = await db.stockLevel.aggregate({ where: { itemId: { in: itemIds }, location: { siteId: { in: siteIds } } }, _sum: { onHand: true } });
  return sum._sum.onHand ?? 0;
}

/** The problem a refusal maps to (through lib/http/problem.ts, as the API answers it); null when the call succeeds. */
export async function problemOf(call: Promise<unknown>): Promise<Problem | null> {
  try {
    await call;
    return null;
  } catch (error) {
    return toProblem(error, "test");
  }
}

/** The HTTP status a refusal maps to, or 200 when the call succeeds. */
export async function statusOf(call: Promise<unknown>): Promise<number> {
  return (await problemOf(call))?.status ?? 200;
}
