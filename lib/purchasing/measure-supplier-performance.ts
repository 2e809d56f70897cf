import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

export type SupplierPerformance = {
  supplier: string;
  name: string;
  /** Orders sent to it and not cancelled. */
  orders: number;
  /** Their lines. */
  lines: number;
  /** Mean days from sending an order to the latest date the supplier promised for its lines (confirmed orders). */
  promisedLeadTimeDays: number | null;
  /** Mean days from sending an order to its last receipt (orders with a receipt). */
  actualLeadTimeDays: number | null;
  /** Of the units ordered on finished orders (received or closed), the share that arrived good (over-receipts not counted). */
  fillRate: number | null;
  /** Of finished orders with a due date (promised, else expected), the share whose last receipt was on or before it. */
  onTimeRate: number | null;
  /** Units that arrived damaged (rejected into quarantine or damage). */
  damagedUnits: number;
  /** Of the units that arrived, the share that arrived damaged. */
  damagedRate: number | null;
};

/**
 * Which orders are measured: those of these sites ("all", or site ids), sent on a day from `from` to `to`
 * (YYYY-MM-DD, UTC, both included) when given.
 */
export type SupplierPerformanceScope = { siteIds: "all" | readonly string[]; from?: string; to?: string };

type Row = {
  supplier: string;
  name: string;
  orders: number;
  lines: number;
  promised: number | null;
  actual: number | null;
  filled: number | null;
  ordered: number | null;
  onTime: number;
  due: number;
  damaged: number | null;
  arrived: number | null;
};

/**
 * Each supplier's delivery record from its purchase orders at the actor's sites (the supplier page). Needs
 * purchasing.view.
 */
export async function measureSupplierPerformance(db: Db, actor: Actor): Promise<SupplierPerformance[]> {
  authorize(actor, "purchasing.view");
  return querySupplierPerformance(db, { siteIds: actor.sites });
}

/**
 * Each supplier's delivery record in one query, for the supplier page and the supplier-performance report:
 * promised against actual lead time, fill rate and on-time rate of finished orders, and the units damaged. The
 * caller has authorized the actor and turned its site scope into `scope.siteIds`. Suppliers without a sent order
 * in the scope are left out; ordered by supplier code.
 */
export async function querySupplierPerformance(db: Db, scope: SupplierPerformanceScope): Promise<SupplierPerformance[]> {
  const conditions = [
    Prisma.sql`p."sentAt" IS NOT NULL AND p.status <> 'cancelled'`,
    scope.siteIds === "all" ? Prisma.empty : Prisma.sql`AND p."siteId" = ANY(${[...scope.siteIds]}::uuid[])`,
    scope.from ? Prisma.sql`AND p."sentAt" >= ${scope.from}::date` : Prisma.empty,
    scope.to ? Prisma.sql`AND p."sentAt" < ${scope.to}::date + 1` : Prisma.empty,
  ];
  // sentAt is a timestamp without zone holding UTC, so comparing it with a date compares UTC days.
  const rows = await db.$queryRaw<Row[]>`
    WITH orders AS (
      SELECT p."supplierId", p.status::text AS status, p."sentAt", count(*) AS lines,
             coalesce(max(l."promisedAt"), p."expectedAt") AS due,
             max(l."promisedAt") AS promised,
             (SELECT max(h.at) FROM "PurchaseOrderHistory" h WHERE h."purchaseOrderId" = p.id AND h.step = 'received') AS "lastReceiptAt",
             sum(least(l.received, l.quantity)) AS filled, sum(l.quantity) AS ordered,
             sum(l.damaged) AS damaged, sum(l.received + l.damaged) AS arrived
      FROM "PurchaseOrder" p JOIN "PurchaseOrderLine" l ON l."purchaseOrderId" = p.id
      WHERE ${Prisma.join(conditions, " ")}
      GROUP BY p.id
    )
    SELECT s.code AS supplier, s.name, count(*)::int AS orders, sum(o.lines)::int AS lines,
           avg(extract(epoch FROM (o.promised::timestamp - o."sentAt")) / 86400)::float8 AS promised,
           avg(extract(epoch FROM (o."lastReceiptAt" - o."sentAt")) / 86400)::float8 AS actual,
           sum(o.filled) FILTER (WHERE o.status IN ('received', 'closed'))::float8 AS filled,
           sum(o.ordered) FILTER (WHERE o.status IN ('received', 'closed'))::float8 AS ordered,
           count(*) FILTER (WHERE o.status IN ('received', 'closed') AND o.due IS NOT NULL AND o."lastReceiptAt"::date <= o.due)::int AS "onTime",
           count(*) FILTER (WHERE o.status IN ('received', 'closed') AND o.due IS NOT NULL AND o."lastReceiptAt" IS NOT NULL)::int AS due,
           sum(o.damaged)::float8 AS damaged, sum(o.arrived)::float8 AS arrived
    FROM orders o JOIN "Supplier" s ON s.id = o."supplierId"
    GROUP BY s.id ORDER BY s.code`;
  return rows.map((r) => ({
    supplier: r.supplier,
    name: r.name,
    orders: r.orders,
    lines: r.lines,
    promisedLeadTimeDays: rounded(r.promised),
    actualLeadTimeDays: rounded(r.actual),
    fillRate: ratio(r.filled, r.ordered),
    onTimeRate: ratio(r.onTime, r.due),
    damagedUnits: r.damaged ?? 0,
    damagedRate: ratio(r.damaged, r.arrived),
  }));
}

function rounded(days: number | null): number | null {
  return days === null ? null : Math.round(days * 10) / 10;
}

function ratio(part: number | null, whole: number | null): number | null {
  return part === null || !whole ? null : Math.round((part / whole) * 1000) / 1000;
}
