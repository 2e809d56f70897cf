import type { Actor } from "../auth/actor";
import type { DbTx } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { lockSiteMap } from "./lock-site-map";
import { DEFAULT_MAP_SIZE, type MapShape } from "./schemas";
import { writeSiteMapVersion } from "./write-site-map-version";

export type LocationPlacement = { code: string; type: string; x: number; y: number; width: number; height: number };

const KIND_BY_TYPE: Record<string, MapShape["kind"]> = { zone: "zone", aisle: "aisle", rack: "rack", shelf: "bin", bin: "bin" };

/**
 * Draws a location just created on its site's map, inside the caller's transaction (the location and its shape
 * exist together or not at all): a new version with one more shape, creating the map when the site has none
 * (its default size, grown to fit). On an existing map the shape must fit (422 on `x`/`y`).
 */
export async function placeLocationShape(tx: DbTx, actor: Actor, site: { id: string; code: string }, place: LocationPlacement): Promise<void> {
  const fit = { width: Math.max(DEFAULT_MAP_SIZE.width, place.x + place.width), height: Math.max(DEFAULT_MAP_SIZE.height, place.y + place.height) };
  const current = await lockSiteMap(tx, site.id);
  const size = current.version === 0 ? fit : { width: current.width, height: current.height };
  const issues = [
    ...(place.x + place.width > size.width ? [{ field: "x", message: `Reaches past the ${size.width} m width of the map of ${site.code}` }] : []),
    ...(place.y + place.height > size.height ? [{ field: "y", message: `Reaches past the ${size.height} m height of the map of ${site.code}` }] : []),
  ];
  if (issues.length > 0) throw new ValidationFailed(issues);
  const ids = new Set(current.shapes.map((s) => s.id));
  let id = place.code;
  for (let n = 2; ids.has(id); n++) id = `${place.code}-${n}`;
  const shape: MapShape = {
    id,
    kind: KIND_BY_TYPE[place.type] ?? "bin",
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    location: place.code,
  };
  await writeSiteMapVersion(tx, actor, site, current, { ...size, unit: "m", shapes: [...current.shapes, shape] }, `Placed location ${place.code}`);
}
