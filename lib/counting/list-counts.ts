import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { countQuery, type CountQuery, type CountSummary } from "./schemas";

const LIMIT = 500;

/** Counts at the actor's sites, newest first (the 500 newest), with the units scanned so far. */
export async function listCounts(db: Db, actor: Actor, query: CountQuery = {}): Promise<{ data: CountSummary[] }> {
  authorize(actor, "stock.view");
  const { site, status } = countQuery.parse(query);
  const sessions = await db.countSession.findMany({
    where: { ...siteFilter(actor), ...(site ? { site: { code: site } } : {}), ...(status ? { status } : {}) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: { id: true, status: true, startedAt: true, startedByLabel: true, site: { select: { code: true } }, location: { select: { code: true } } },
  });
  const sums = await db.countScan.groupBy({ by: ["sessionId"], where: { sessionId: { in: sessions.map((s) => s.id) } }, _sum: { quantity: true } });
  const scanned = new Map(sums.map((s) => [s.sessionId, s._sum.quantity ?? 0]));
  return {
    data: sessions.map((s) => ({
      id: s.id,
      site: s.site.code,
      location: s.location.code,
      status: s.status,
      startedAt: s.startedAt.toISOString(),
      startedBy: s.startedByLabel,
      scanned: scanned.get(s.id) ?? 0,
    })),
  };
}
