import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { toLocationView, locationWithCodes } from "./location-view";
import { locationListQuery, type LocationListQuery, type LocationView } from "./schemas";

/**
 * Locations at the actor's sites, in path order (so each appears after the one it is inside). `parent` gives
 * only the direct children; virtual locations are left out unless asked for. An unknown or out-of-scope site
 * or parent code gives an empty list.
 */
export async function listLocations(db: Db, actor: Actor, input: LocationListQuery = {}): Promise<LocationView[]> {
  authorize(actor, "stock.view");
  const query = locationListQuery.parse(input);
  const locations = await db.location.findMany({
    where: {
      ...siteFilter(actor),
      ...(query.site ? { site: { code: query.site } } : {}),
      ...(query.parent ? { parent: { code: query.parent } } : {}),
      ...(query.includeVirtual ? {} : { isVirtual: false }),
    },
    include: locationWithCodes,
    orderBy: [{ path: "asc" }, { code: "asc" }],
  });
  return locations.map(toLocationView);
}
