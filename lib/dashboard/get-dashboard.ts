import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";

/** One day of stock activity at the actor's sites: movements posted and units moved. */
export type ActivityDay = { day: string; movements: number; units: number };

export type Dashboard = {
  activity: ActivityDay[];
  items: number;
  locations: number;
  stockUnits: number;
  recentMovements: {
    id: string;
    at: Date;
    kind: string;
    sku: string;
    itemName: string;
    quantity: number;
    from: string;
    to: string;
    actor: string;
    reason: string;
  }[];
};

/** The counts on the home screen, limited to the actor's sites. Four queries, run together. */
export async function getDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  authorize(actor, "dashboard.view");
  const inScope = siteFilter(actor);
  const physicalInScope = { isVirtual: false, ...inScope };
  const [activity, items, locations, units, movements] = await Promise.all([
    activityByDay(db, actor, ACTIVITY_DAYS),
    db.item.count({ where: { active: true } }),
    db.location.count({ where: { ...physicalInScope, active: true } }),
    db.stockLevel.aggregate({ _sum: { onHand: true }, where: { isVirtual: false, location: inScope } }),
    db.stockMovement.findMany({
      where: actor.sites === "all" ? {} : { OR: [{ fromLocation: inScope }, { toLocation: inScope }] },
      orderBy: { id: "desc" },
      take: 10,
      select: {
        id: true,
        at: true,
        kind: true,
        quantity: true,
        actorLabel: true,
        reasonCode: true,
        item: { select: { sku: true, name: true } },
        fromLocation: { select: { code: true } },
        toLocation: { select: { code: true } },
      },
    }),
  ]);
  return {
    activity,
    items,
    locations,
    stockUnits: units._sum.onHand ?? 0,
    recentMovements: movements.map((m) => ({
      id: m.id.toString(),
      at: m.at,
      kind: m.kind,
      sku: m.item.sku,
      itemName: m.item.name,
      quantity: m.quantity,
      from: m.fromLocation.code,
      to: m.toLocation.code,
      actor: m.actorLabel,
      reason: m.reasonCode,
    })),
  };
}

const ACTIVITY_DAYS = 14;

/** The last `days` days, one row each (zero when nothing moved), from the ledger. */
async function activityByDay(db: Db, actor: Actor, days: number): Promise<ActivityDay[]> {
  const sites = actor.sites === "all" ? null : [...actor.sites];
  const rows = await db.$queryRaw<{ day: Date; movements: bigint; units: bigint }[]>`
    SELECT d.day, count(m.id) AS movements, coalesce(sum(m.quantity), 0) AS units
    FROM generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') AS d(day)
    LEFT JOIN "StockMovement" m ON m.at >= d.day AND m.at < d.day + interval '1 day'
      AND (${sites}::uuid[] IS NULL OR EXISTS (
        SELECT 1 FROM "Location" l WHERE l.id IN (m."fromLocationId", m."toLocationId") AND l."siteId" = ANY (${sites}::uuid[])))
    GROUP BY d.day ORDER BY d.day`;
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), movements: Number(r.movements), units: Number(r.units) }));
}
