import type { Actor } from "../auth/actor";
import { siteFilter } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { alertSelect, toAlertView } from "./alert-view";
import { alertQuery, type AlertKindName, type AlertQuery, type AlertView } from "./schemas";

/** Alerts at the caller's sites, newest first; active ones (open or acknowledged) unless a state is asked for. */
export async function listAlerts(db: Db, actor: Actor, query: AlertQuery = {}): Promise<{ data: AlertView[]; next: string | null }> {
  authorize(actor, "stock.view");
  const q = alertQuery.parse(query);
  const limit = q.limit ?? 100;
  const where: Prisma.AlertWhereInput = {
    ...siteFilter(actor),
    state: !q.state || q.state === "active" ? { in: ["open", "acknowledged"] } : q.state,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.site ? { site: { code: q.site } } : {}),
    ...(q.sku ? { item: { skuKey: q.sku.toLowerCase() } } : {}),
    ...(q.cursor ? { id: { lt: q.cursor } } : {}),
  };
  const rows = await db.alert.findMany({ where, orderBy: { id: "desc" }, take: limit + 1, select: alertSelect });
  const page = rows.slice(0, limit);
  return { data: page.map(toAlertView), next: rows.length > limit ? page[page.length - 1].id : null };
}

export type AlertCounts = { total: number; open: number; byKind: Partial<Record<AlertKindName, number>> };

/** Active alerts at the caller's sites by kind, for the bell and the dashboard (one grouped count). */
export async function countActiveAlerts(db: Db, actor: Actor): Promise<AlertCounts> {
  authorize(actor, "stock.view");
  const groups = await db.alert.groupBy({
    by: ["kind", "state"],
    where: { ...siteFilter(actor), state: { in: ["open", "acknowledged"] } },
    _count: { _all: true },
  });
  const byKind: Partial<Record<AlertKindName, number>> = {};
  let total = 0;
  let open = 0;
  for (const group of groups) {
    byKind[group.kind] = (byKind[group.kind] ?? 0) + group._count._all;
    total += group._count._all;
    if (group.state === "open") open += group._count._all;
  }
  return { total, open, byKind };
}
