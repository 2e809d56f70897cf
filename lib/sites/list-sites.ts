import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { SiteView } from "./schemas";

/** The sites the actor may see, by code. */
export async function listSites(db: Db, actor: Actor): Promise<SiteView[]> {
  authorize(actor, "stock.view");
  const scope = siteFilter(actor).siteId;
  return db.site.findMany({
    where: { active: true, ...(scope ? { id: scope } : {}) },
    select: { id: true, code: true, name: true, timezone: true, address: true },
    orderBy: { code: "asc" },
  });
}
