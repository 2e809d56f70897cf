import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { toPublishedEvent, type PublishedEvent } from "./event-envelope";
import type { EventFeedFilter } from "./schemas";

/**
 * The poll feed: events after a cursor, oldest first, at the caller's sites (events of no site, such as item
 * changes, go to everyone who may see stock). Reads the retained log by position, which only the relay writes,
 * one relay at a time: a position is never committed behind one a poller has already passed.
 */
export async function listEvents(db: Db, actor: Actor, q: EventFeedFilter): Promise<{ data: PublishedEvent[]; next: string }> {
  authorize(actor, "stock.view");
  const after = BigInt(q.after ?? 0);
  const where: Prisma.EventWhereInput = {
    position: { gt: after },
    AND: [
      q.types ? { OR: q.types.map(typeFilter) } : {},
      actor.sites === "all" ? {} : { OR: [{ siteId: null }, { siteId: { in: [...actor.sites] } }] },
      q.site ? { site: q.site } : {},
    ],
  };
  const rows = await db.event.findMany({ where, orderBy: { position: "asc" }, take: q.limit ?? 100 });
  return { data: rows.map(toPublishedEvent), next: (rows.length ? rows[rows.length - 1].position : after).toString() };
}

function typeFilter(type: string): Prisma.EventWhereInput {
  if (type === "*") return {};
  return type.endsWith(".*") ? { type: { startsWith: type.slice(0, -1) } } : { type };
}
