import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { lineAmount } from "../money/fixed-point";
import { needsAdminApproval, purchaseApprovalLimit } from "./approval-limit";
import type { PurchaseOrderSummary, PurchaseOrderView } from "./schemas";

export const summaryInclude = {
  supplier: { select: { code: true, name: true } },
  site: { select: { code: true } },
} as const satisfies Prisma.PurchaseOrderInclude;

const viewInclude = {
  ...summaryInclude,
  lines: { orderBy: { lineNo: "asc" }, include: { item: { select: { sku: true, name: true } } } },
  history: { orderBy: { id: "asc" } },
  shipments: { orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.PurchaseOrderInclude;

type SummaryRow = Prisma.PurchaseOrderGetPayload<{ include: typeof summaryInclude }>;
type ViewRow = Prisma.PurchaseOrderGetPayload<{ include: typeof viewInclude }>;

/**
 * The purchase orders an actor may see, as a `where`: its sites; a supplier's key, only its own supplier's orders
 * and only once they were sent to it (a draft is the buyer's business).
 */
export function visiblePurchaseOrders(actor: Actor): Prisma.PurchaseOrderWhereInput {
  const where: Prisma.PurchaseOrderWhereInput = actor.sites === "all" ? {} : { siteId: { in: [...actor.sites] } };
  if (actor.role === "supplier") return { ...where, supplierId: actor.supplierId ?? "00000000-0000-0000-0000-000000000000", sentAt: { not: null } };
  return where;
}

export function toSummary(row: SummaryRow): PurchaseOrderSummary {
  return {
    id: row.id,
    number: row.number,
    supplier: row.supplier.code,
    supplierName: row.supplier.name,
    site: row.site.code,
    status: row.status,
    expectedAt: dateOnly(row.expectedAt),
    currency: row.currency,
    total: row.total.toFixed(4),
    createdBy: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** The whole purchase order as the API answers it, or null when there is none with this id. */
export async function findPurchaseOrderView(db: Db | DbTx, id: string): Promise<PurchaseOrderView | null> {
  const row = await db.purchaseOrder.findUnique({ where: { id }, include: viewInclude });
  return row ? toView(row, await purchaseApprovalLimit(db)) : null;
}

function toView(row: ViewRow, limit: string): PurchaseOrderView {
  const total = row.total.toFixed(4);
  return {
    ...toSummary(row),
    needsAdmin: needsAdminApproval(total, limit),
    lines: row.lines.map((line) => {
      const unitCost = line.unitCost.toFixed(4);
      return {
        lineNo: line.lineNo,
        sku: line.item.sku,
        name: line.item.name,
        quantity: line.quantity,
        unitCost,
        amount: lineAmount(line.quantity, unitCost),
        received: line.received,
        damaged: line.damaged,
        outstanding: Math.max(0, line.quantity - line.received),
        confirmedQuantity: line.confirmedQuantity,
        promisedAt: dateOnly(line.promisedAt),
      };
    }),
    history: row.history.map((h) => ({
      step: h.step as PurchaseOrderView["history"][number]["step"],
      status: h.status,
      actor: h.actorLabel,
      at: h.at.toISOString(),
      note: h.note,
      ...(h.detail === null ? {} : { detail: h.detail }),
    })),
    shipments: row.shipments.map((s) => ({
      id: s.id,
      sscc: s.sscc,
      shipDate: dateOnly(s.shipDate)!,
      expectedAt: dateOnly(s.expectedAt)!,
      lines: s.lines as PurchaseOrderView["shipments"][number]["lines"],
      receivedAt: s.receivedAt?.toISOString() ?? null,
    })),
  };
}

/** The view as this actor may read it: a supplier sees the buyer's steps without who took them or their notes. */
export function asSeenBy(actor: Actor, view: PurchaseOrderView): PurchaseOrderView {
  if (actor.role !== "supplier") return view;
  return { ...view, history: view.history.map((h) => (h.actor === actor.label ? h : { ...h, actor: "buyer", note: null })) };
}

/** The view delivered to the supplier itself (its order webhook): the buyer's steps without who took them or notes. */
export function asSentToSupplier(view: PurchaseOrderView): PurchaseOrderView {
  return { ...view, history: view.history.map((h) => ({ ...h, actor: "buyer", note: null })) };
}

export function dateOnly(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
