import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { lineAmount, sumAmounts } from "../money/fixed-point";
import { enqueueEvent } from "../outbox/enqueue-event";
import { priceForQuantity, type PriceBreak } from "./price-for-quantity";
import { findPurchaseOrderView } from "./purchase-order-view";
import { purchaseOrderInput, type PurchaseOrderInput, type PurchaseOrderView } from "./schemas";

/**
 * Drafts a purchase order to a supplier for one site. Every line must be an item the supplier supplies (422 naming
 * the line otherwise); its unit cost, when not given, is the supplier's price break for the line's quantity, else
 * its unit cost (422 when it has neither). The total is exact (decimal arithmetic, never binary floats), in the
 * supplier's currency. Needs purchasing.manage at the site; audited, announced (`purchaseOrder.created`) and
 * recorded as the order's first history entry. Joins the caller's unit of work (the edge's, with its key).
 */
export async function createPurchaseOrder(db: Db | DbTx, actor: Actor, input: PurchaseOrderInput): Promise<PurchaseOrderView> {
  const data = purchaseOrderInput.parse(input);
  return unitOfWork(db, async (tx) => {
    // One after the other: a transaction's connection runs one query at a time.
    const site = await tx.site.findUnique({ where: { code: data.site }, select: { id: true, active: true } });
    const supplier = await tx.supplier.findUnique({ where: { code: data.supplier }, select: { id: true, active: true, currency: true } });
    const issues: FieldIssue[] = [
      ...(!site
        ? [{ field: "site", message: `No site has the code ${data.site}` }]
        : !site.active
          ? [{ field: "site", message: `Site ${data.site} is archived` }]
          : []),
      ...(!supplier
        ? [{ field: "supplier", message: `No supplier has the code ${data.supplier}` }]
        : !supplier.active
          ? [{ field: "supplier", message: `Supplier ${data.supplier} is retired` }]
          : []),
    ];
    if (issues.length > 0) throw new ValidationFailed(issues);
    authorize(actor, "purchasing.manage", { siteId: site!.id });

    const items = await tx.item.findMany({
      where: { skuKey: { in: data.lines.map((l) => l.sku.toLowerCase()) } },
      select: { id: true, sku: true, skuKey: true, active: true, suppliers: { where: { supplierId: supplier!.id } } },
    });
    const lines = data.lines.map((line, index) => {
      const field = (name: string) => `lines.${index}.${name}`;
      const item = items.find((i) => i.skuKey === line.sku.toLowerCase());
      if (!item) return { issue: { field: field("sku"), message: `No item has the SKU ${line.sku}` } };
      if (!item.active) return { issue: { field: field("sku"), message: `${item.sku} is archived` } };
      const terms = item.suppliers[0];
      if (!terms) return { issue: { field: field("sku"), message: `Line ${index + 1}: ${data.supplier} does not supply ${item.sku}` } };
      const unitCost = line.unitCost ?? priceForQuantity(line.quantity, terms.unitCost?.toFixed(4) ?? null, terms.priceBreaks as PriceBreak[]);
      if (unitCost === null)
        return { issue: { field: field("unitCost"), message: `${data.supplier} has no price for ${item.sku}: enter the unit cost` } };
      return { itemId: item.id, quantity: line.quantity, unitCost };
    });
    const refused = lines.flatMap((l) => (l.issue ? [l.issue] : []));
    if (refused.length > 0) throw new ValidationFailed(refused);
    const priced = lines as { itemId: string; quantity: number; unitCost: string }[];

    const created = await tx.purchaseOrder.create({
      data: {
        supplierId: supplier!.id,
        siteId: site!.id,
        expectedAt: data.expectedAt ? new Date(`${data.expectedAt}T00:00:00Z`) : null,
        currency: supplier!.currency,
        total: sumAmounts(priced.map((l) => lineAmount(l.quantity, l.unitCost))),
        createdByLabel: actor.label,
        lines: { create: priced.map((l, index) => ({ lineNo: index + 1, itemId: l.itemId, quantity: l.quantity, unitCost: l.unitCost })) },
        history: { create: { status: "draft", step: "created", actorLabel: actor.label } },
      },
      select: { id: true },
    });
    const view = (await findPurchaseOrderView(tx, created.id))!;
    await recordAudit(tx, actor, {
      action: "purchaseOrder.created",
      entityType: "purchaseOrder",
      entityId: created.id,
      siteId: site!.id,
      after: view,
    });
    const { history: _history, ...payload } = view;
    await enqueueEvent(tx, { type: "purchaseOrder.created", siteId: site!.id, aggregateId: created.id, payload });
    return view;
  });
}
