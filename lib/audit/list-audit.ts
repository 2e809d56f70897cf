import { authorize } from "../auth/can";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";

export type AuditPageQuery = { action?: string; actor?: string; before?: bigint; limit?: number };

/** Newest first, keyset-paginated on id (`before` = the last id of the previous page). */
export async function listAudit(db: Db, actor: Actor, query: AuditPageQuery = {}) {
  authorize(actor, "audit.view");
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const rows = await db.auditEntry.findMany({
    where: {
      ...(query.action ? { action: { startsWith: query.action } } : {}),
      ...(query.actor ? { actorLabel: { contains: query.actor, mode: "insensitive" } } : {}),
      ...(query.before ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { entries: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
