import type { Actor } from "../auth/actor";
import { siteFilter } from "../auth/actor";
import type { Db } from "../db/client";

/**
 * Which site's map to open: the one asked for, else the site of the location to point out, else the first site
 * (of the actor's) holding the item to show, else none (the caller takes the first site).
 */
export async function chooseMapSite(db: Db, actor: Actor, wish: { focus?: string; highlight?: string }): Promise<string | null> {
  const visible = siteFilter(actor);
  if (wish.focus) {
    const location = await db.location.findFirst({
      where: { code: wish.focus.toUpperCase(), ...visible },
      select: { site: { select: { code: true } } },
    });
    if (location) return location.site.code;
  }
  if (wish.highlight) {
    const level = await db.stockLevel.findFirst({
      where: { item: { skuKey: wish.highlight.toLowerCase() }, isVirtual: false, onHand: { gt: 0 }, location: visible },
      select: { location: { select: { site: { select: { code: true } } } } },
      orderBy: { location: { site: { code: "asc" } } },
    });
    if (level) return level.location.site.code;
  }
  return null;
}
