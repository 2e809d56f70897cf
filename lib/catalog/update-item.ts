import { unitOfWork } from "../db/unit-of-work";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { NotFound, ValidationFailed } from "../domain-error";
import { isTemperatureRangeInverted } from "../locations/schemas";
import { enqueueEvent } from "../outbox/enqueue-event";
import { barcodeKind } from "./barcode";
import { ensureCategory } from "./ensure-category";
import { ItemHasHistory, SkuCannotChange } from "./errors";
import { hasStockHistory } from "./has-stock-history";
import { itemConflictOf, refuseTakenBarcodes } from "./item-conflict";
import { findItemView } from "./item-view";
import { resolveSupplierLinks } from "./resolve-supplier-links";
import { itemUpdate, type ItemUpdate, type ItemView } from "./schemas";
import { requestSearchWordsRefresh } from "../search/refresh-search-words";
import { revalueItems } from "../valuation/revalue-item";

type Change = z.output<typeof itemUpdate>;

/**
 * Changes an item's details; `active: false` archives it. Barcodes, suppliers and attributes, when given,
 * replace what the item had. The item row is locked for the change, so concurrent edits apply one after the
 * other, each audited with its own before and after and announced as `item.updated`.
 */
export async function updateItem(db: Db, actor: Actor, sku: string, input: ItemUpdate): Promise<ItemView> {
  authorize(actor, "catalog.manage");
  const change = itemUpdate.parse(input);
  const skuKey = sku.trim().toLowerCase();
  let itemId: string | undefined;
  try {
    const updated = await unitOfWork(db, async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Item" WHERE "skuKey" = ${skuKey} FOR UPDATE`;
      if (!locked) throw new NotFound("Item", sku);
      itemId = locked.id;
      const before = (await findItemView(tx, { id: itemId }))!;
      refuseInvalidChange(before, change);
      await refuseRewritingHistory(tx, itemId, before, change);
      await replaceRelations(tx, itemId, change);
      await tx.item.update({ where: { id: itemId }, data: await scalarChanges(tx, change) });
      const after = (await findItemView(tx, { id: itemId }))!;
      refuseStandardWithoutCost(after);
      // Only a change that can give it another method or standard cost revalues (and locks) its cost states.
      if (changesCosting(change)) await revalueItems(tx, [itemId], change.costingFrom);
      const isArchiving = change.active === false && before.active;
      await recordAudit(tx, actor, { action: isArchiving ? "item.archive" : "item.update", entityType: "item", entityId: itemId, before, after });
      await enqueueEvent(tx, { type: "item.updated", aggregateId: itemId, payload: after });
      return after;
    });
    if (change.name !== undefined) requestSearchWordsRefresh(db);
    return updated;
  } catch (error) {
    throw await itemConflictOf(db, error, { sku, barcodes: change.barcodes, itemId });
  }
}

/**
 * Tracking mode and unit give meaning to every quantity already in the ledger: once stock has moved, changing
 * them would re-read history (20 "ea" becoming 20 "kg"). Create a new item instead.
 */
async function refuseRewritingHistory(tx: DbTx, itemId: string, before: ItemView, change: Change) {
  const changesMeaning =
    (change.tracking !== undefined && change.tracking !== before.tracking) || (change.unit !== undefined && change.unit !== before.unit);
  if (!changesMeaning) return;
  if (await hasStockHistory(tx, { id: itemId })) throw new ItemHasHistory(before.sku);
}

function changesCosting(change: Change): boolean {
  return [change.costingMethod, change.standardCost, change.category, change.costingFrom].some((field) => field !== undefined);
}

function refuseStandardWithoutCost(after: ItemView) {
  if (after.costing.method === "standard" && after.costing.standardCost === null) {
    throw new ValidationFailed([{ field: "standardCost", message: "The standard cost method needs a standard cost" }]);
  }
}

function refuseInvalidChange(before: ItemView, change: Change) {
  if (change.sku !== undefined && change.sku !== before.sku) throw new SkuCannotChange();
  const range = {
    tempMinC: change.tempMinC === undefined ? before.storage.tempMinC : change.tempMinC,
    tempMaxC: change.tempMaxC === undefined ? before.storage.tempMaxC : change.tempMaxC,
  };
  if (isTemperatureRangeInverted(range)) {
    throw new ValidationFailed([{ field: "tempMaxC", message: `Must not be below tempMinC (${range.tempMinC})` }]);
  }
}

async function replaceRelations(tx: DbTx, itemId: string, change: Change) {
  if (change.barcodes) {
    await refuseTakenBarcodes(tx, change.barcodes, itemId);
    await tx.barcode.deleteMany({ where: { itemId } });
    await tx.barcode.createMany({ data: change.barcodes.map((code) => ({ itemId, code, kind: barcodeKind(code) })) });
  }
  if (change.suppliers) {
    const links = await resolveSupplierLinks(tx, change.suppliers);
    await tx.itemSupplier.deleteMany({ where: { itemId } });
    await tx.itemSupplier.createMany({ data: links.map((link) => ({ itemId, ...link })) });
  }
}

/** Undefined leaves a column as it is; null clears it. */
async function scalarChanges(tx: DbTx, change: Change) {
  const categoryId = change.category === undefined ? undefined : change.category === null ? null : await ensureCategory(tx, change.category);
  return {
    name: change.name,
    description: change.description,
    categoryId,
    unit: change.unit,
    tracking: change.tracking,
    tempMinC: change.tempMinC,
    tempMaxC: change.tempMaxC,
    humidityMaxPct: change.humidityMaxPct,
    hazardClass: change.hazardClass,
    handlingNotes: change.handlingNotes,
    attributes: change.attributes,
    imageUrl: change.imageUrl,
    costingMethod: change.costingMethod,
    standardCost: change.standardCost,
    active: change.active,
    // Explicit, so a change of barcodes or suppliers alone still moves updatedAt.
    updatedAt: new Date(),
  };
}
