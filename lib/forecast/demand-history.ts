/**
 * An item's demand at a site, per day, week or month, from the ledger: what left to the site's customer location
 * (issues, fulfilled orders and reservations), less reversals of it. Transfers (to in transit), counts, damage,
 * loss and scrap go elsewhere and are not demand.
 *
 * A period in which the site had no stock on most days is marked `stockout`: what sold then is what there was,
 * not what was wanted, so the forecast reads it as missing rather than as low demand.
 */
import type { Db, DbTx } from "../db/client";

export type DemandPeriod = "day" | "week" | "month";

export type DemandBucket = { start: string; demand: number; stockout: boolean };

/** How far back each period looks: enough for a seasonal cycle or two, little enough to stay fast. */
export const HISTORY_LENGTH: Record<DemandPeriod, number> = { day: 365, week: 104, month: 36 };

const PERIOD_INTERVAL: Record<DemandPeriod, string> = { day: "1 day", week: "1 week", month: "1 month" };

/**
 * The buckets from the first period with any movement of the item at the site (at most HISTORY_LENGTH back) to
 * the current period, oldest first. The current period is left out: it is not over.
 */
export async function demandHistory(
  db: Db | DbTx,
  args: { itemId: string; siteId: string; period: DemandPeriod; now?: Date },
): Promise<DemandBucket[]> {
  const { itemId, siteId, period } = args;
  const now = args.now ?? new Date();
  const interval = PERIOD_INTERVAL[period];
  const rows = await db.$queryRaw<{ start: Date; demand: number; stockout: boolean }[]>`
    WITH site_locations AS (
      SELECT id, type, "isVirtual" FROM "Location" WHERE "siteId" = ${siteId}::uuid
    ), moves AS (
      SELECT m."occurredAt" AS at, m.quantity, m."reversesId", f.type AS from_type, f."isVirtual" AS from_virtual, t.type AS to_type, t."isVirtual" AS to_virtual
      FROM "StockMovement" m
      LEFT JOIN site_locations f ON f.id = m."fromLocationId"
      LEFT JOIN site_locations t ON t.id = m."toLocationId"
      WHERE m."itemId" = ${itemId}::uuid AND (f.id IS NOT NULL OR t.id IS NOT NULL)
    ), bounds AS (
      SELECT greatest(date_trunc(${period}, min(at)), date_trunc(${period}, ${now}::timestamp) - ${interval}::interval * ${HISTORY_LENGTH[period]}) AS first,
             date_trunc(${period}, ${now}::timestamp) AS current
      FROM moves
    ), daily AS (
      -- Physical stock at the site at the end of each day: today's, less what changed after that day.
      SELECT d::date AS day,
        (SELECT coalesce(sum(s."onHand"), 0) FROM "StockLevel" s JOIN site_locations l ON l.id = s."locationId"
          WHERE s."itemId" = ${itemId}::uuid AND NOT l."isVirtual")
        - coalesce((SELECT sum(CASE WHEN NOT coalesce(to_virtual, true) THEN quantity ELSE 0 END)
                         - sum(CASE WHEN NOT coalesce(from_virtual, true) THEN quantity ELSE 0 END)
                    FROM moves WHERE at >= d + interval '1 day'), 0) AS closing
      FROM bounds, generate_series(bounds.first, bounds.current - interval '1 day', interval '1 day') AS d
    )
    SELECT b AS start,
      coalesce((SELECT sum(CASE WHEN to_type = 'customer' THEN quantity ELSE 0 END)
                     - sum(CASE WHEN from_type = 'customer' AND "reversesId" IS NOT NULL THEN quantity ELSE 0 END)
                FROM moves WHERE at >= b AND at < b + ${interval}::interval), 0)::int AS demand,
      coalesce((SELECT count(*) FILTER (WHERE closing <= 0) * 2 > count(*) FROM daily WHERE day >= b AND day < b + ${interval}::interval), false) AS stockout
    FROM bounds, generate_series(bounds.first, bounds.current - ${interval}::interval, ${interval}::interval) AS b
    ORDER BY b`;
  return rows.map((row) => ({ start: row.start.toISOString().slice(0, 10), demand: row.demand, stockout: row.stockout }));
}

/** The values to forecast from: stockout periods are missing, not zero. */
export function demandSeries(history: readonly DemandBucket[]): (number | null)[] {
  return history.map((bucket) => (bucket.stockout ? null : bucket.demand));
}
