import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";

/** Every active site's code: where a transfer may be sent, even by a clerk who works at only one of them. */
export async function listAllSiteCodes(db: Db, actor: Actor): Promise<string[]> {
  authorize(actor, "stock.move");
  const sites = await db.site.findMany({ where: { active: true }, select: { code: true }, orderBy: { code: "asc" } });
  return sites.map((s) => s.code);
}
