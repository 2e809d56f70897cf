import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { availableOfLevels } from "../availability/availability-rule";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { atOrBeneath } from "./list-movements";
import type { LevelView } from "./schemas";

export const levelSelect = {
  id: true,
  onHand: true,
  reserved: true,
  item: { select: { sku: true } },
  location: { select: { code: true, isVirtual: true, site: { select: { code: true } } } },
  lot: { select: { number: true } },
} satisfies Prisma.StockLevelSelect;

/**
 * A level as the API shows it. `available` is the one rule's (lib/availability/availability-rule.ts): pass what
 * availableOfLevels answered for these levels.
 */
export function toLevelView(level: Prisma.StockLevelGetPayload<{ select: typeof levelSelect }>, available: ReadonlyMap<string, number>): LevelView {
  return {
    sku: level.item.sku,
    location: level.location.code,
    lot: level.lot?.number ?? null,
    onHand: level.onHand,
    reserved: level.reserved,
    available: available.get(level.id) ?? 0,
    site: level.location.site.code,
    isInTransit: level.location.isVirtual,
  };
}

export type StockQuery = { sku?: string; location?: string; site?: string; cursor?: string; limit?: number };

/**
 * Stock levels with something on hand or reserved, limited to the actor's sites; a location includes its subtree.
 * `available` is the one rule's: 0 in staging, quarantine, in transit and for lots past expiry.
 */
export async function listStock(db: Db, actor: Actor, query: StockQuery): Promise<{ data: LevelView[]; nextCursor: string | null }> {
  authorize(actor, "stock.view");
  const limit = Math.min(Math.max(query.limit ?? 500, 1), 1000);
  const where: Prisma.StockLevelWhereInput = {
    OR: [{ onHand: { not: 0 } }, { reserved: { not: 0 } }],
    location: { AND: [siteFilter(actor), query.location ? atOrBeneath(query.location) : {}, query.site ? { site: { code: query.site } } : {}] },
    ...(query.sku ? { item: { skuKey: query.sku.toLowerCase() } } : {}),
    ...(query.cursor ? { id: { gt: query.cursor } } : {}),
  };
  const rows = await db.stockLevel.findMany({
    where,
    orderBy: { id: "asc" },
    take: limit + 1,
    select: levelSelect,
  });
  const page = rows.slice(0, limit);
  const availableByLevel = await availableOfLevels(
    db,
    page.map((level) => level.id),
  );
  return {
    data: page.map((level) => toLevelView(level, availableByLevel)),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}
