// A warehouse with a supplier that supplies some of its items (one with price breaks and a case of 12), and a
// shortcut to draft, approve and send a purchase order, for the purchasing tests.
import { SYSTEM_ACTOR, type Actor } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import { approvePurchaseOrder } from "../../lib/purchasing/approve-purchase-order";
import { createPurchaseOrder } from "../../lib/purchasing/create-purchase-order";
import type { PurchaseOrderInput } from "../../lib/purchasing/schemas";
import { sendPurchaseOrder } from "../../lib/purchasing/send-purchase-order";
import { buildWarehouse } from "./stock";

let sequence = 0;

export async function buildSupplier(db: Db, data: { currency?: string } = {}) {
  const code = `SUP${Date.now().toString(36).toUpperCase()}${sequence++}`;
  return db.supplier.create({ data: { code, name: `Supplier ${code}`, currency: data.currency ?? "EUR" } });
}

/**
 * Plain: 2.5000 each, 2.2500 from 10, 1.8000 from 100, in cases of 12. Lotted and serialised: 10.0000 each. The
 * solvent is not supplied by this supplier.
 */
export async function buildPurchasing(db: Db) {
  const warehouse = await buildWarehouse(db);
  const supplier = await buildSupplier(db);
  const { plain, lotted, serialised } = warehouse.items;
  await db.itemSupplier.createMany({
    data: [
      {
        itemId: plain.id,
        supplierId: supplier.id,
        unitCost: "2.5",
        packSize: 12,
        priceBreaks: [
          { minQty: 10, unitCost: "2.2500" },
          { minQty: 100, unitCost: "1.8000" },
        ],
      },
      { itemId: lotted.id, supplierId: supplier.id, unitCost: "10" },
      { itemId: serialised.id, supplierId: supplier.id, unitCost: "10" },
    ],
  });
  /** A draft by the system, approved and sent: the state receipts start from. */
  const sentOrder = async (lines: PurchaseOrderInput["lines"], by: Actor = SYSTEM_ACTOR) => {
    const draft = await createPurchaseOrder(db, by, { supplier: supplier.code, site: warehouse.site.code, lines });
    await approvePurchaseOrder(db, SYSTEM_ACTOR, draft.id);
    return sendPurchaseOrder(db, SYSTEM_ACTOR, draft.id);
  };
  return { ...warehouse, supplier, sentOrder };
}
