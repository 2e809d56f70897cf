import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { MapVersionStale } from "./errors";
import { findMapSite, type MapSite } from "./find-map-site";
import { lockSiteMap } from "./lock-site-map";
import { siteMapInput, type MapShape, type SiteMapInput, type SiteMapView } from "./schemas";
import { writeSiteMapVersion } from "./write-site-map-version";

/**
 * Saves the site's map as a new version, for those who manage locations there. Optimistic concurrency: `version`
 * must be the version the edit started from (0 for a site without a map), else MapVersionStale (409) names the
 * current one and nothing is saved. Shapes must fit the map, have unique ids, and name only this site's
 * physical locations (422 on `shapes.N.location`). Locks the map row; appends to the history.
 */
export async function saveSiteMap(db: Db, actor: Actor, siteCode: string, input: SiteMapInput): Promise<SiteMapView> {
  const data = siteMapInput.parse(input);
  const site = await findMapSite(db, siteCode);
  authorize(actor, "locations.manage", { siteId: site.id });
  return unitOfWork(
    db,
    async (tx) => {
      await checkLocations(tx, site, data.shapes);
      const current = await lockSiteMap(tx, site.id);
      if (current.version !== data.version) throw new MapVersionStale(site.code, data.version, current.version);
      return writeSiteMapVersion(tx, actor, site, current, { width: data.width, height: data.height, unit: "m", shapes: data.shapes }, null);
    },
    { timeoutMs: 20_000 },
  );
}

async function checkLocations(tx: DbTx, site: MapSite, shapes: readonly MapShape[]) {
  const codes = [...new Set(shapes.flatMap((s) => (s.location ? [s.location] : [])))];
  if (codes.length === 0) return;
  const found = await tx.location.findMany({ where: { siteId: site.id, code: { in: codes } }, select: { code: true, isVirtual: true } });
  const byCode = new Map(found.map((l) => [l.code, l]));
  const issues = shapes.flatMap((shape, index) => {
    if (!shape.location) return [];
    const location = byCode.get(shape.location);
    if (!location) return [{ field: `shapes.${index}.location`, message: `No location at ${site.code} has the code ${shape.location}` }];
    if (location.isVirtual)
      return [{ field: `shapes.${index}.location`, message: `${shape.location} is a virtual location and has no place on the floor` }];
    return [];
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
}
