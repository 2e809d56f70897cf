import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { findMapSite } from "./find-map-site";
import { readSiteMap } from "./read-site-map";
import { DEFAULT_MAP_SIZE, type SiteMapView } from "./schemas";

/** The site's floor map for those who may see its stock; a site never mapped answers an empty map at version 0. */
export async function getSiteMap(db: Db, actor: Actor, siteCode: string): Promise<SiteMapView> {
  const site = await findMapSite(db, siteCode);
  authorize(actor, "stock.view", { siteId: site.id });
  const map = await readSiteMap(db, site.id);
  if (!map) return { site: site.code, version: 0, ...DEFAULT_MAP_SIZE, unit: "m", shapes: [], updatedAt: null, updatedBy: null };
  return {
    site: site.code,
    version: map.version,
    width: map.width,
    height: map.height,
    unit: map.unit,
    shapes: [...map.shapes],
    updatedAt: map.updatedAt.toISOString(),
    updatedBy: map.updatedBy,
  };
}
