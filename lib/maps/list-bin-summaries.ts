import type { AlertKindName } from "../alerts/alert-kinds";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { LocationView } from "../locations/schemas";

/** An active alert that concerns a bin: what it is about there (the SKU and lot, when it names them). */
export type BinAlert = { id: string; kind: AlertKindName; sku: string | null; lot: string | null };

/** One location's stock at a site, summed for the map's overlays. */
export type BinSummary = {
  location: string;
  units: number;
  capacityUnits: number | null;
  /** Money value of what is there, when unit costs are known; absent otherwise. */
  value?: number;
  /** Issues (picks) taken from it in the last PICK_WINDOW_DAYS. */
  picks: number;
  /** The site's open or acknowledged alerts that concern this bin (lib/alerts raises and resolves them). */
  alerts: BinAlert[];
};

/** The period the pick-frequency overlay counts over. */
export const PICK_WINDOW_DAYS = 30;

const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86_400_000);

/**
 * Per location of one site, what the map's overlays need: units on hand against capacity, value, picks, and the
 * site's active alerts placed on the bins they concern. The alerts are read, never recomputed here, so the map
 * says what the bell and the alert list say:
 *  - an alert naming a location goes to that bin (over capacity, aged quarantine stock);
 *  - a lot's alert (expiring, expired) to the bins holding that lot;
 *  - an item's alert (low stock, stockout, overstock) to every bin holding the item at the site;
 *  - the site's count-overdue alert to the bins it lists.
 */
export async function listBinSummaries(db: Db, actor: Actor, siteId: string, locations: LocationView[], today = new Date()): Promise<BinSummary[]> {
  authorize(actor, "stock.view", { siteId });
  const [levels, alerts, picks] = await Promise.all([
    db.stockLevel.findMany({
      where: { isVirtual: false, onHand: { gt: 0 }, location: { siteId } },
      select: {
        onHand: true,
        lotId: true,
        location: { select: { code: true } },
        item: { select: { id: true, sku: true, suppliers: { where: { preferred: true }, select: { unitCost: true }, take: 1 } } },
      },
    }),
    activeAlerts(db, siteId),
    picksByBin(db, siteId, daysBefore(today, PICK_WINDOW_DAYS)),
  ]);

  const bins = new Map<string, BinSummary>();
  for (const location of locations) {
    if (location.isVirtual || location.type === "site") continue;
    bins.set(location.code, {
      location: location.code,
      units: 0,
      capacityUnits: location.capacityUnits,
      picks: picks.get(location.code) ?? 0,
      alerts: [],
    });
  }
  const attach = (code: string, alert: BinAlert) => {
    const bin = bins.get(code);
    if (bin && !bin.alerts.some((a) => a.id === alert.id)) bin.alerts.push(alert);
  };
  const byItem = groupBy(
    alerts.filter((a) => a.itemId && !a.lotId && !a.location),
    (a) => a.itemId!,
  );
  const byLot = groupBy(
    alerts.filter((a) => a.lotId && !a.location),
    (a) => a.lotId!,
  );
  for (const level of levels) {
    const bin = bins.get(level.location.code);
    if (!bin) continue;
    bin.units += level.onHand;
    const unitCost = level.item.suppliers[0]?.unitCost;
    if (unitCost != null) bin.value = (bin.value ?? 0) + level.onHand * Number(unitCost);
    for (const alert of byItem.get(level.item.id) ?? []) attach(bin.location, alert.view);
    for (const alert of (level.lotId && byLot.get(level.lotId)) || []) attach(bin.location, alert.view);
  }
  for (const alert of alerts) {
    if (alert.location) attach(alert.location, alert.view);
    for (const code of alert.listedLocations) attach(code, alert.view);
  }
  return [...bins.values()];
}

type ActiveAlert = { view: BinAlert; itemId: string | null; lotId: string | null; location: string | null; listedLocations: string[] };

/** The site's open and acknowledged alerts, in one query. */
async function activeAlerts(db: Db, siteId: string): Promise<ActiveAlert[]> {
  const rows = await db.alert.findMany({
    where: { siteId, state: { in: ["open", "acknowledged"] } },
    select: {
      id: true,
      kind: true,
      itemId: true,
      lotId: true,
      detail: true,
      item: { select: { sku: true } },
      lot: { select: { number: true } },
      location: { select: { code: true } },
    },
    orderBy: { raisedAt: "asc" },
  });
  return rows.map((row) => ({
    view: { id: row.id, kind: row.kind, sku: row.item?.sku ?? null, lot: row.lot?.number ?? null },
    itemId: row.itemId,
    lotId: row.lotId,
    location: row.location?.code ?? null,
    // A site-wide alert (count overdue) names the bins it found in its detail.
    listedLocations: row.location ? [] : stringsOf((row.detail as { locations?: unknown } | null)?.locations),
  }));
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function groupBy<T>(list: T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of list) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}

async function picksByBin(db: Db, siteId: string, since: Date): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ code: string; picks: number }[]>`
    SELECT l.code, count(*)::int AS picks
    FROM "StockMovement" m JOIN "Location" l ON l.id = m."fromLocationId"
    WHERE l."siteId" = ${siteId}::uuid AND m.kind = 'issue'::"MovementKind" AND m.at >= ${since}
    GROUP BY l.code`;
  return new Map(rows.map((r) => [r.code, r.picks]));
}
