import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { summaryInclude, toSummary, visiblePurchaseOrders } from "./purchase-order-view";
import {
  purchaseOrderQuery,
  purchaseOrderTableQuery,
  type PurchaseOrderQuery,
  type PurchaseOrderSummary,
  type PurchaseOrderTableParams,
  type PurchaseOrderTableSort,
} from "./schemas";

const LIMIT = 500;

function whereOf(actor: Actor, q: ReturnType<typeof purchaseOrderQuery.parse>): Prisma.PurchaseOrderWhereInput {
  return {
    AND: [
      visiblePurchaseOrders(actor),
      q.status ? { status: q.status } : {},
      q.supplier ? { supplier: { code: q.supplier } } : {},
      q.site ? { site: { code: q.site } } : {},
      q.sscc ? { shipments: { some: { sscc: q.sscc } } } : {},
    ],
  };
}

/**
 * Purchase orders the actor may see (its sites; a supplier's key, its own sent orders), newest first, filtered in
 * SQL by status, supplier, site, or the SSCC of one of its shipping notices (one scan of a pallet finds its order).
 */
export async function listPurchaseOrders(db: Db, actor: Actor, query: PurchaseOrderQuery = {}): Promise<PurchaseOrderSummary[]> {
  authorize(actor, "purchasing.view");
  const q = purchaseOrderQuery.parse(query);
  const rows = await db.purchaseOrder.findMany({ where: whereOf(actor, q), include: summaryInclude, orderBy: { createdAt: "desc" }, take: LIMIT });
  return rows.map(toSummary);
}

export type PurchaseOrderTable = { rows: PurchaseOrderSummary[]; total: number; page: number; pageSize: number };

function orderOf(sort: PurchaseOrderTableSort, dir: Prisma.SortOrder): Prisma.PurchaseOrderOrderByWithRelationInput {
  switch (sort) {
    case "number":
      return { number: dir }; // zero-padded: text order is number order
    case "supplier":
      return { supplier: { name: dir } };
    case "site":
      return { site: { code: dir } };
    case "expected":
      return { expectedAt: { sort: dir, nulls: "last" } };
    case "total":
      return { total: dir };
    case "status":
      return { status: dir };
    case "created":
      return { createdAt: dir };
  }
}

/**
 * One page of the purchase orders the actor may see, for the purchase-order page: sorted by a column in SQL, ties
 * broken newest first then by id so pages never overlap, with the total for the pager.
 */
export async function listPurchaseOrderTable(db: Db, actor: Actor, query: Partial<Record<string, unknown>> = {}): Promise<PurchaseOrderTable> {
  authorize(actor, "purchasing.view");
  const q: PurchaseOrderTableParams = purchaseOrderTableQuery.parse(query);
  const where = whereOf(actor, purchaseOrderQuery.parse({ status: q.status }));
  const [rows, total] = await Promise.all([
    db.purchaseOrder.findMany({
      where,
      include: summaryInclude,
      orderBy: [orderOf(q.sort, q.dir), { createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.purchaseOrder.count({ where }),
  ]);
  return { rows: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
}
