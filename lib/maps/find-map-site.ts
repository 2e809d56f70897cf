import type { DbTx } from "../db/client";
import { NotFound } from "../domain-error";

export type MapSite = { id: string; code: string };

/** The site a map belongs to, by its code (404 when there is none). */
export async function findMapSite(db: DbTx, siteCode: string): Promise<MapSite> {
  const code = siteCode.trim().toUpperCase();
  const site = await db.site.findUnique({ where: { code }, select: { id: true, code: true } });
  if (!site) throw new NotFound("Site", code);
  return site;
}
