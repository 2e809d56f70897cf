import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { toPublishedEvent, type PublishedEvent } from "./event-envelope";

export type RecentEventsFilter = { type?: string; site?: string; sku?: string; before?: bigint };

export type RecentEvent = PublishedEvent & { position: string; recordedAt: string };

/** The event log newest first, for people reading it on the events page; pollers use listEvents. */
export async function listRecentEvents(db: Db, actor: Actor, filter: RecentEventsFilter, pageSize = 50) {
  authorize(actor, "audit.view");
  const where: Prisma.EventWhereInput = {
    ...(filter.before ? { position: { lt: filter.before } } : {}),
    ...(filter.type ? { type: filter.type.endsWith("*") ? { startsWith: filter.type.slice(0, -1) } : filter.type } : {}),
    ...(filter.site ? { site: filter.site } : {}),
    ...(filter.sku ? { subject: { in: [`stock:${filter.sku}`, `item:${filter.sku}`] } } : {}),
    ...(actor.sites === "all" ? {} : { OR: [{ siteId: null }, { siteId: { in: [...actor.sites] } }] }),
  };
  const rows = await db.event.findMany({ where, orderBy: { position: "desc" }, take: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  const events: RecentEvent[] = page.map((row) => ({
    ...toPublishedEvent(row),
    position: row.position.toString(),
    recordedAt: row.recordedAt.toISOString(),
  }));
  return { events, nextBefore: rows.length > pageSize ? page[page.length - 1].position : null };
}
