import type { Db } from "../db/client";
import { buildWalkingGraph, type WalkingGraph } from "../routing/build-walking-graph";
import { mapShape, type MapShape } from "./schemas";

/** A site's saved map, parsed, with its walking graph for routing. Shared between callers: do not change it. */
export type LoadedSiteMap = {
  siteId: string;
  version: number;
  width: number;
  height: number;
  unit: "m";
  shapes: readonly MapShape[];
  updatedAt: Date;
  updatedBy: string;
  graph: WalkingGraph;
};

const CACHE_SIZE = 32;
/**
 * Parsed maps by (site, version). A version's content never changes once saved, so an entry cannot go stale;
 * a newer version simply misses. Oldest entries go first.
 */
const cache = new Map<string, LoadedSiteMap>();

/** The site's saved map, or null when it has none. One small query when the version is already parsed. */
export async function readSiteMap(db: Db, siteId: string): Promise<LoadedSiteMap | null> {
  const head = await db.siteMap.findUnique({ where: { siteId }, select: { version: true } });
  if (!head || head.version < 1) return null;
  const hit = cache.get(`${siteId}:${head.version}`);
  if (hit) return hit;
  const row = await db.siteMap.findUnique({ where: { siteId } });
  if (!row) return null;
  const shapes = mapShape.array().parse(row.shapes);
  const loaded: LoadedSiteMap = {
    siteId,
    version: row.version,
    width: row.width,
    height: row.height,
    unit: "m",
    shapes,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedByLabel,
    graph: buildWalkingGraph(shapes),
  };
  cache.set(`${siteId}:${row.version}`, loaded);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return loaded;
}
