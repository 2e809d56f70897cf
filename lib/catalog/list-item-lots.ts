import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";

export type ItemLot = { lot: string; expiresOn: string | null; manufacturedOn: string | null; onHand: number };

const LIMIT = 200;
const isoDate = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/**
 * The lots of an item, first to expire first (FEFO order, no expiry last), with what is on hand of each at the
 * actor's sites. A site-bound actor sees only lots that have been at one of its sites. At most 200.
 */
export async function listItemLots(db: Db, actor: Actor, sku: string): Promise<ItemLot[]> {
  authorize(actor, "stock.view");
  const inScope = { isVirtual: false, location: siteFilter(actor) };
  const lots = await db.lot.findMany({
    where: { item: { skuKey: sku.trim().toLowerCase() }, ...(actor.sites === "all" ? {} : { levels: { some: inScope } }) },
    orderBy: [{ expiresOn: { sort: "asc", nulls: "last" } }, { number: "asc" }],
    take: LIMIT,
    select: { number: true, expiresOn: true, manufacturedOn: true, levels: { where: inScope, select: { onHand: true } } },
  });
  return lots.map((lot) => ({
    lot: lot.number,
    expiresOn: isoDate(lot.expiresOn),
    manufacturedOn: isoDate(lot.manufacturedOn),
    onHand: lot.levels.reduce((sum, level) => sum + level.onHand, 0),
  }));
}
