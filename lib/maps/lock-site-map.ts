import type { DbTx } from "../db/client";
import { mapShape, type MapShape } from "./schemas";

/** A site's map as stored, version 0 (and no shapes) when the site has none yet. */
export type StoredSiteMap = { version: number; width: number; height: number; unit: string; shapes: MapShape[] };

/**
 * Takes the site's map lock for the rest of the transaction and reads the map, so writers of one map go one
 * after another and each compares against the version the previous one saved. A transaction-level advisory
 * lock rather than the row's lock, because a site without a map has no row to lock yet and two first saves
 * must queue too (SiteMap's CHECK allows no placeholder at version 0).
 */
export async function lockSiteMap(tx: DbTx, siteId: string): Promise<StoredSiteMap> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`SiteMap:${siteId}`}, 0))`;
  const row = await tx.siteMap.findUnique({ where: { siteId }, select: { version: true, width: true, height: true, unit: true, shapes: true } });
  if (!row) return { version: 0, width: 0, height: 0, unit: "m", shapes: [] };
  return { ...row, shapes: mapShape.array().parse(row.shapes) };
}
