import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { unitOfWork } from "../db/unit-of-work";
import { siteAbcClasses } from "../forecast/abc-class";
import { applyReorderPoint } from "../forecast/apply-reorder-point";
import { forecastItem } from "../forecast/forecast-item";
import type { AbcClass } from "../forecast/reorder-point";
import { DEFAULT_ITEM_HORIZON } from "../forecast/schemas";
import { normaliseCategoryPath } from "../catalog/category-path";
import { happenedBetween } from "../ledger/happened-between";
import type { RecomputeFilter } from "./schemas";

/** Who the recompute writes as (the thresholds' updatedBy, the audit log). */
export const RECOMPUTE_ACTOR: Actor = { ...SYSTEM_ACTOR, label: "reorder-point recompute" };

/** Pairs forecast between two progress writes: the page sees progress move, the table is not written per pair. */
const BATCH = 20;
/** A running run whose process stopped beating this long ago is taken over by another process. */
const STALE_AFTER = "2 minutes";

type Pair = { itemId: string; sku: string; siteId: string; site: string };
type Outcome = "applied" | "skipped";

/**
 * Runs the oldest queued recompute, if any, to the end; answers its id (null when there was none). Safe with
 * several app processes: the run is claimed with FOR UPDATE SKIP LOCKED and marked running with a heartbeat,
 * so one process works it; a run whose process died (no heartbeat for two minutes) is taken over.
 *
 * The rule: for each item × site with customer demand in the last year that the filter takes, the forecast's
 * suggested reorder point and safety stock (lib/forecast/forecast-item.ts, weekly periods, as the forecast page
 * shows them) become the site's own thresholds, unless the site's reorder point was set by hand (source
 * "manual": the thresholds form, the API, a CSV) — a person's choice stands until they clear it. A reorder point
 * applied from the forecast (the forecast page's "apply", an earlier recompute) or none at all is replaced. A
 * pair with too little history to forecast is skipped and keeps what it has.
 */
export async function runQueuedRecompute(db: Db, options: { now?: Date } = {}): Promise<string | null> {
  const run = await claimRun(db);
  if (!run) return null;
  try {
    const pairs = await pairsOf(db, run.filter);
    await db.$executeRaw`UPDATE "ReorderPointRun" SET total = ${pairs.length}, "heartbeatAt" = now() WHERE id = ${run.id}::uuid`;
    const abcClass = classesOnce(db, options.now);
    for (let start = 0; start < pairs.length; start += BATCH) {
      const counts = { applied: 0, skipped: 0 };
      for (const pair of pairs.slice(start, start + BATCH)) counts[await recomputePair(db, pair, abcClass, options.now)]++;
      await db.$executeRaw`
        UPDATE "ReorderPointRun" SET done = done + ${Math.min(BATCH, pairs.length - start)}, applied = applied + ${counts.applied},
          skipped = skipped + ${counts.skipped}, "heartbeatAt" = now()
        WHERE id = ${run.id}::uuid`;
    }
    await db.$executeRaw`UPDATE "ReorderPointRun" SET status = 'done', "finishedAt" = now() WHERE id = ${run.id}::uuid`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.$executeRaw`UPDATE "ReorderPointRun" SET status = 'failed', error = ${message.slice(0, 500)}, "finishedAt" = now() WHERE id = ${run.id}::uuid`;
    throw error;
  }
  return run.id;
}

async function claimRun(db: Db): Promise<{ id: string; filter: RecomputeFilter } | null> {
  const [run] = await db.$queryRaw<{ id: string; filter: RecomputeFilter }[]>`
    UPDATE "ReorderPointRun" SET status = 'running', "startedAt" = coalesce("startedAt", now()), "heartbeatAt" = now(),
      done = 0, applied = 0, skipped = 0
    WHERE id = (
      SELECT id FROM "ReorderPointRun"
      WHERE status = 'queued' OR (status = 'running' AND "heartbeatAt" < now() - ${STALE_AFTER}::interval)
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, filter`;
  return run ?? null;
}

/** Item × site pairs with customer demand in the last year (what a forecast can be made from), by SKU and site. */
async function pairsOf(db: Db, filter: RecomputeFilter): Promise<Pair[]> {
  const conditions = [Prisma.sql`i.active`, Prisma.sql`l.type = 'customer'`, happenedBetween("m", new Date(Date.now() - 365 * 86_400_000), null)];
  if (filter.site) conditions.push(Prisma.sql`s.code = ${filter.site}`);
  if (filter.skuPrefix) conditions.push(Prisma.sql`starts_with(i."skuKey", ${filter.skuPrefix.toLowerCase()})`);
  if (filter.category) {
    const path = normaliseCategoryPath(filter.category);
    conditions.push(Prisma.sql`i."categoryId" IN (SELECT c.id FROM "Category" c
      WHERE c.path = ${path} OR starts_with(c.path, ${`${path} > `}))`);
  }
  return db.$queryRaw<Pair[]>`
    SELECT DISTINCT i.id AS "itemId", i.sku, s.id AS "siteId", s.code AS site
    FROM "StockMovement" m JOIN "Location" l ON l.id = m."toLocationId" JOIN "Site" s ON s.id = l."siteId"
    JOIN "Item" i ON i.id = m."itemId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY i.sku, s.code`;
}

type AbcClassOf = (itemId: string, siteId: string) => Promise<AbcClass>;

/**
 * Each site's ABC classes read once in a run, when its first pair needs them: a class depends on every item of
 * the site, so reading it per pair read the site's whole year of sales once per item (1.2 s a pair over the
 * benchmark's data set; docs/BENCHMARKS.md).
 */
function classesOnce(db: Db, now?: Date): AbcClassOf {
  const bySite = new Map<string, Promise<Map<string, AbcClass>>>();
  return async (itemId, siteId) => {
    let classes = bySite.get(siteId);
    if (!classes) bySite.set(siteId, (classes = siteAbcClasses(db, siteId, now)));
    return (await classes).get(itemId) ?? "C";
  };
}

/**
 * One pair, in one unit: the item row locked first (as setThresholds does, so the two cannot deadlock), then the
 * site's reorder point source read under it, so a person's change made meanwhile is seen and kept.
 */
async function recomputePair(db: Db, pair: Pair, abcClass: AbcClassOf, now?: Date): Promise<Outcome> {
  const forecast = await forecastItem(
    db,
    RECOMPUTE_ACTOR,
    { sku: pair.sku, site: pair.site, period: "week", horizon: DEFAULT_ITEM_HORIZON.week, now },
    { abcClass },
  );
  const suggestion = forecast.reorder;
  if (!suggestion) return "skipped";
  return unitOfWork(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Item" WHERE id = ${pair.itemId}::uuid FOR NO KEY UPDATE`;
    const [own] = await tx.$queryRaw<{ reorderPointSource: string | null; reorderPoint: number | null }[]>`
      SELECT "reorderPointSource", "reorderPoint" FROM "StockThreshold" WHERE "itemId" = ${pair.itemId}::uuid AND "siteId" = ${pair.siteId}::uuid`;
    if (own?.reorderPoint != null && own.reorderPointSource === "manual") return "skipped";
    await applyReorderPoint(tx, RECOMPUTE_ACTOR, {
      sku: pair.sku,
      site: pair.site,
      reorderPoint: suggestion.reorderPoint,
      safetyStock: suggestion.safetyStock,
    });
    return "applied" as const;
  });
}
