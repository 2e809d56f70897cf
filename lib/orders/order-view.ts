import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderView, PackageView } from "./schemas";

export const orderSelect = {
  id: true,
  number: true,
  reference: true,
  channel: true,
  status: true,
  customerName: true,
  customerEmail: true,
  customerAddress: true,
  siteId: true,
  allowSplit: true,
  promisedShipDate: true,
  carrier: true,
  trackingNumber: true,
  shippedAt: true,
  createdAt: true,
  site: { select: { code: true } },
  lines: {
    orderBy: { lineNo: "asc" },
    select: {
      id: true,
      lineNo: true,
      quantity: true,
      picked: true,
      packed: true,
      shipped: true,
      returned: true,
      itemId: true,
      item: { select: { sku: true, name: true } },
      reservations: {
        where: { status: "active" },
        select: {
          id: true,
          held: true,
          site: { select: { code: true } },
          allocations: {
            where: { quantity: { gt: 0 } },
            orderBy: { id: "asc" },
            select: { quantity: true, location: { select: { code: true } }, lot: { select: { number: true } } },
          },
        },
      },
    },
  },
  history: { orderBy: { id: "asc" }, select: { status: true, at: true, actorLabel: true, note: true } },
  packages: {
    orderBy: { number: "asc" },
    select: { number: true, contents: true, weightGrams: true, lengthMm: true, widthMm: true, heightMm: true, closedAt: true },
  },
} satisfies Prisma.SalesOrderSelect;

export type OrderRow = Prisma.SalesOrderGetPayload<{ select: typeof orderSelect }>;

/** The order's day in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isLate(row: { status: string; promisedShipDate: Date | null }): boolean {
  return (
    row.status !== "shipped" &&
    row.status !== "cancelled" &&
    row.promisedShipDate !== null &&
    row.promisedShipDate.toISOString().slice(0, 10) < today()
  );
}

export function toOrderView(row: OrderRow): OrderView {
  const isOpen = row.status !== "cancelled" && row.status !== "shipped";
  return {
    id: row.id,
    number: row.number,
    reference: row.reference,
    channel: row.channel,
    status: row.status,
    late: isLate(row),
    customer: { name: row.customerName, email: row.customerEmail, address: row.customerAddress },
    site: row.site?.code ?? null,
    allowSplit: row.allowSplit,
    promisedShipDate: row.promisedShipDate?.toISOString().slice(0, 10) ?? null,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    shippedAt: row.shippedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    lines: row.lines.map((line) => {
      const allocated = line.reservations.reduce((sum, r) => sum + r.held, 0);
      return {
        lineNo: line.lineNo,
        sku: line.item.sku,
        name: line.item.name,
        quantity: line.quantity,
        allocated,
        backordered: isOpen ? Math.max(line.quantity - line.shipped - allocated, 0) : 0,
        picked: line.picked,
        packed: line.packed,
        shipped: line.shipped,
        returned: line.returned,
      };
    }),
    allocations: row.lines.flatMap((line) =>
      line.reservations.flatMap((r) =>
        r.allocations.map((a) => ({
          lineNo: line.lineNo,
          sku: line.item.sku,
          site: r.site.code,
          location: a.location.code,
          lot: a.lot?.number ?? null,
          quantity: a.quantity,
        })),
      ),
    ),
    history: row.history.map((h) => ({ status: h.status, at: h.at.toISOString(), actor: h.actorLabel, note: h.note })),
    packages: row.packages.map(toPackageView),
  };
}

export function toPackageView(row: OrderRow["packages"][number]): PackageView {
  return {
    number: row.number,
    contents: row.contents as PackageView["contents"],
    weightGrams: row.weightGrams,
    lengthMm: row.lengthMm,
    widthMm: row.widthMm,
    heightMm: row.heightMm,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export async function findOrderView(db: Db | DbTx, id: string): Promise<OrderView | null> {
  const row = await db.salesOrder.findUnique({ where: { id }, select: orderSelect });
  return row && toOrderView(row);
}

/** Locks an order's row: steps on one order (ship, cancel, pick, pack, allocation of backorders) run one at a time. */
export async function lockOrder(tx: DbTx, id: string) {
  const [row] = await tx.$queryRaw<
    { id: string; number: string; status: string; siteId: string | null; allowSplit: boolean; siteRequested: boolean }[]
  >`
    SELECT id, number, status::text AS status, "siteId", "allowSplit", "siteRequested" FROM "SalesOrder" WHERE id = ${id}::uuid FOR UPDATE`;
  return row ?? null;
}
