import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { today } from "./order-view";
import { orderBoardQuery, type OrderBoardQuery, type OrderBoardTab } from "./order-board-query";
import type { ORDER_STATUSES } from "./schemas";

export type OrderBoardRow = {
  id: string;
  number: string;
  reference: string;
  channel: string;
  customer: string;
  site: string | null;
  status: (typeof ORDER_STATUSES)[number];
  isLate: boolean;
  promisedShipDate: string | null;
  shippedAt: string | null;
  carrier: string | null;
  lines: number;
  units: number;
  /** Units still waiting for stock (open orders only). */
  backordered: number;
};

export type OrderBoard = {
  rows: OrderBoardRow[];
  page: number;
  pageSize: number;
  /** Orders in each tab under the current filters: the tab labels show them, and the pager reads its own. */
  counts: Record<OrderBoardTab, number>;
  /** Every channel at the actor's sites (and the chosen site), for the filter: not narrowed by the channel chosen. */
  channels: string[];
};

// Each tab's rows, and the order the floor works them in: earliest promise first, then the oldest order.
const TAB_WHERE: Record<OrderBoardTab, Prisma.Sql> = {
  pick: Prisma.sql`"isPick"`,
  late: Prisma.sql`"isLate"`,
  waiting: Prisma.sql`"isWaiting"`,
  ready: Prisma.sql`"isReady"`,
  shipped: Prisma.sql`"isShipped"`,
};
const WORK_ORDER = Prisma.sql`"promisedShipDate" ASC NULLS LAST, "createdAt" ASC, id ASC`;
const TAB_ORDER: Record<OrderBoardTab, Prisma.Sql> = {
  pick: WORK_ORDER,
  late: WORK_ORDER,
  waiting: WORK_ORDER,
  ready: WORK_ORDER,
  shipped: Prisma.sql`"shippedAt" DESC NULLS LAST, id DESC`,
};

type Row = {
  pick: number;
  late: number;
  waiting: number;
  ready: number;
  shipped: number;
  channels: string[];
  id: string | null;
  number: string;
  reference: string;
  channel: string;
  customerName: string;
  site: string | null;
  status: OrderBoardRow["status"];
  isLate: boolean;
  promisedShipDate: Date | null;
  shippedAt: Date | null;
  carrier: string | null;
  lines: number;
  units: number;
  short: number;
};

/**
 * One page of one tab of the order board, at the actor's sites, in one statement: the tab counts and the
 * channel list (one row of `summary`), left-joined to the page's orders with their line totals, so an empty
 * page still answers its counts and no order costs a query of its own.
 */
export async function listOrderBoard(db: Db, actor: Actor, query: OrderBoardQuery, options: { asOf?: string } = {}): Promise<OrderBoard> {
  authorize(actor, "stock.view");
  const q = orderBoardQuery.parse(query);
  const now = options.asOf ?? today();
  const scope = actor.sites === "all" ? Prisma.empty : Prisma.sql`AND o."siteId" = ANY(${[...actor.sites]}::uuid[])`;
  const site = q.site ? Prisma.sql`AND s.code = ${q.site}` : Prisma.empty;
  const channel = q.channel ? Prisma.sql`AND channel = ${q.channel}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    WITH visible AS (
      SELECT o.id, o.number, o.reference, o.channel, o.status::text AS status, o."customerName", s.code AS site,
             o."promisedShipDate", o."shippedAt", o."createdAt", o.carrier,
             o.status IN ('allocated', 'picking') AS "isPick",
             (o.status NOT IN ('shipped', 'cancelled') AND o."promisedShipDate" < ${now}::date) AS "isLate",
             o.status = 'backordered' AS "isWaiting",
             o.status IN ('picked', 'packed') AS "isReady",
             o.status = 'shipped' AS "isShipped"
      FROM "SalesOrder" o
      LEFT JOIN "Site" s ON s.id = o."siteId"
      WHERE TRUE ${scope} ${site}
    ),
    chosen AS (SELECT * FROM visible WHERE TRUE ${channel}),
    summary AS (
      SELECT count(*) FILTER (WHERE "isPick")::int AS pick,
             count(*) FILTER (WHERE "isLate")::int AS late,
             count(*) FILTER (WHERE "isWaiting")::int AS waiting,
             count(*) FILTER (WHERE "isReady")::int AS ready,
             count(*) FILTER (WHERE "isShipped")::int AS shipped,
             (SELECT COALESCE(array_agg(DISTINCT v.channel ORDER BY v.channel), '{}') FROM visible v) AS channels
      FROM chosen
    ),
    page AS (
      SELECT * FROM chosen WHERE ${TAB_WHERE[q.tab]}
      ORDER BY ${TAB_ORDER[q.tab]}
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    )
    SELECT summary.*, p.id, p.number, p.reference, p.channel, p."customerName", p.site, p.status, p."isLate",
           p."promisedShipDate", p."shippedAt", p.carrier, totals.lines, totals.units, totals.short
    FROM summary
    LEFT JOIN page p ON TRUE
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS lines,
             COALESCE(sum(l.quantity), 0)::int AS units,
             COALESCE(sum(GREATEST(l.quantity - l.shipped - COALESCE(held.units, 0), 0)), 0)::int AS short
      FROM "SalesOrderLine" l
      LEFT JOIN LATERAL (
        SELECT sum(r.held) AS units FROM "Reservation" r WHERE r."orderLineId" = l.id AND r.status = 'active'
      ) held ON TRUE
      WHERE l."orderId" = p.id
    ) totals ON p.id IS NOT NULL
    ORDER BY ${TAB_ORDER[q.tab]}`;
  const [summary] = rows;
  return {
    page: q.page,
    pageSize: q.pageSize,
    counts: { pick: summary.pick, late: summary.late, waiting: summary.waiting, ready: summary.ready, shipped: summary.shipped },
    channels: summary.channels,
    rows: rows
      .filter((row) => row.id !== null)
      .map((row) => {
        const isOpen = row.status !== "shipped" && row.status !== "cancelled";
        return {
          id: row.id!,
          number: row.number,
          reference: row.reference,
          channel: row.channel,
          customer: row.customerName,
          site: row.site,
          status: row.status,
          isLate: row.isLate,
          promisedShipDate: row.promisedShipDate?.toISOString().slice(0, 10) ?? null,
          shippedAt: row.shippedAt?.toISOString() ?? null,
          carrier: row.carrier,
          lines: row.lines,
          units: row.units,
          backordered: isOpen ? row.short : 0,
        };
      }),
  };
}
