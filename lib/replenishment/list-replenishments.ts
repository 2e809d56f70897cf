import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { replenishmentSelect, toReplenishmentView } from "./replenishment-view";
import { replenishmentQuery, type ReplenishmentView } from "./schemas";
import type { z } from "zod";

/** Refills at the caller's sites: open ones oldest first (the order to do them), others newest first. */
export async function listReplenishments(
  db: Db,
  actor: Actor,
  query: z.input<typeof replenishmentQuery> = {},
): Promise<{ data: ReplenishmentView[] }> {
  authorize(actor, "stock.view");
  const q = replenishmentQuery.parse(query);
  const status = q.status ?? "open";
  const rows = await db.replenishmentTask.findMany({
    where: { ...siteFilter(actor), status, ...(q.site ? { site: { code: q.site } } : {}) },
    orderBy: { createdAt: status === "open" ? "asc" : "desc" },
    take: q.limit ?? 100,
    select: replenishmentSelect,
  });
  return { data: rows.map(toReplenishmentView) };
}
