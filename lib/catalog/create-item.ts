import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { enqueueEvent } from "../outbox/enqueue-event";
import { barcodeKind } from "./barcode";
import { ensureCategory } from "./ensure-category";
import { itemConflictOf, refuseTakenBarcodes } from "./item-conflict";
import { itemWithRelations, toItemView } from "./item-view";
import { resolveSupplierLinks } from "./resolve-supplier-links";
import { itemInput, type ItemInput, type ItemView } from "./schemas";
import { requestSearchWordsRefresh } from "../search/refresh-search-words";

/**
 * Adds an item to the catalogue with its barcodes and suppliers, creating its category path as needed.
 * Audited and announced (`item.created`) in the same transaction. SKUs and barcodes are unique; a duplicate
 * is a SkuTaken or BarcodeTaken even when two requests race.
 */
export async function createItem(db: Db, actor: Actor, input: ItemInput): Promise<ItemView> {
  authorize(actor, "catalog.manage");
  const data = itemInput.parse(input);
  try {
    const created = await unitOfWork(db, async (tx) => {
      const categoryId = data.category ? await ensureCategory(tx, data.category) : null;
      const supplierLinks = await resolveSupplierLinks(tx, data.suppliers);
      await refuseTakenBarcodes(tx, data.barcodes);
      const item = await tx.item.create({
        data: {
          sku: data.sku,
          skuKey: data.sku.toLowerCase(),
          name: data.name,
          description: data.description,
          categoryId,
          unit: data.unit,
          tracking: data.tracking,
          tempMinC: data.tempMinC,
          tempMaxC: data.tempMaxC,
          humidityMaxPct: data.humidityMaxPct,
          hazardClass: data.hazardClass,
          handlingNotes: data.handlingNotes,
          attributes: data.attributes,
          imageUrl: data.imageUrl,
          costingMethod: data.costingMethod,
          standardCost: data.standardCost,
          barcodes: { create: data.barcodes.map((code) => ({ code, kind: barcodeKind(code) })) },
          suppliers: { create: supplierLinks },
        },
        include: itemWithRelations,
      });
      const view = toItemView(item);
      await recordAudit(tx, actor, { action: "item.create", entityType: "item", entityId: item.id, after: view });
      await enqueueEvent(tx, { type: "item.created", aggregateId: item.id, payload: view });
      return view;
    });
    requestSearchWordsRefresh(db);
    return created;
  } catch (error) {
    throw await itemConflictOf(db, error, { sku: data.sku, barcodes: data.barcodes });
  }
}
