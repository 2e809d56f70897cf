import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isUuid } from "../db/is-uuid";
import { NotFound } from "../domain-error";
import { findOrderView, orderSelect, today, toOrderView } from "./order-view";
import { orderQuery, type OrderQuery, type OrderView } from "./schemas";

/** Orders at the caller's sites, newest first: by status, lateness, channel, site, or a number/reference/name. */
export async function listOrders(db: Db, actor: Actor, query: OrderQuery): Promise<{ data: OrderView[]; next: string | null }> {
  authorize(actor, "stock.view");
  const q = orderQuery.parse(query);
  const limit = q.limit ?? 50;
  const where: Prisma.SalesOrderWhereInput = {
    ...(actor.sites === "all" ? {} : { siteId: { in: [...actor.sites] } }),
    ...(q.status ? { status: q.status } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.site ? { site: { code: q.site } } : {}),
    ...(q.late === "true"
      ? { status: q.status ?? { notIn: ["shipped", "cancelled"] }, promisedShipDate: { lt: new Date(`${today()}T00:00:00Z`) } }
      : {}),
    ...(q.q
      ? { OR: [{ number: { equals: q.q.toUpperCase() } }, { reference: q.q }, { customerName: { contains: q.q, mode: "insensitive" as const } }] }
      : {}),
    ...(q.cursor ? { id: { lt: q.cursor } } : {}),
  };
  const rows = await db.salesOrder.findMany({ where, orderBy: { id: "desc" }, take: limit + 1, select: orderSelect });
  const page = rows.slice(0, limit);
  return { data: page.map(toOrderView), next: rows.length > limit ? page[page.length - 1].id : null };
}

/** One order; 404 too when it ships from a site the caller cannot see. */
export async function getOrder(db: Db, actor: Actor, id: string): Promise<OrderView> {
  authorize(actor, "stock.view");
  const order = isUuid(id) ? await db.salesOrder.findUnique({ where: { id }, select: { siteId: true } }) : null;
  if (!order || (actor.sites !== "all" && !(order.siteId && actor.sites.includes(order.siteId)))) throw new NotFound("Order", id);
  return (await findOrderView(db, id))!;
}
