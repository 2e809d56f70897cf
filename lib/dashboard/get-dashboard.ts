import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";

export type Dashboard = {
  items: number;
  locations: number;
  stockUnits: number;
  recentMovements: {
    id: string; at: Date; kind: string; sku: string; itemName: string; quantity: number;
    from: string; to: string; actor: string; reason: string;
  }[];
};

/** The counts on the home screen, limited to the actor's sites. Four queries, run together. */
export async function getDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  authorize(actor, "dashboard.view");
  const inScope = siteFilter(actor);
  const physicalInScope = { isVirtual: false, ...inScope };
  const [items, locations, units, movements] = await Promise.all([
    db.item.count({ where: { active: true } }),
    db.location.count({ where: { ...physicalInScope, active: true } }),
    db.stockLevel.aggregate({ _sum: { onHand: true }, where: { isVirtual: false, location: inScope } }),
    db.stockMovement.findMany({
      where: actor.sites === "all" ? {} : { OR: [{ fromLocation: inScope }, { toLocation: inScope }] },
      orderBy: { id: "desc" },
      take: 10,
      select: {
        id: true, at: true, kind: true, quantity: true, actorLabel: true, reasonCode: true,
        item: { select: { sku: true, name: true } },
        fromLocation: { select: { code: true } },
        toLocation: { select: { code: true } },
      },
    }),
  ]);
  return {
    items,
    locations,
    stockUnits: units._sum.onHand ?? 0,
    recentMovements: movements.map((m) => ({
      id: m.id.toString(), at: m.at, kind: m.kind, sku: m.item.sku, itemName: m.item.name, quantity: m.quantity,
      from: m.fromLocation.code, to: m.toLocation.code, actor: m.actorLabel, reason: m.reasonCode,
    })),
  };
}
