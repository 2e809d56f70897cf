// The dashboard's figures that no report answers: units and value on hand per day, the order fill rate and stockouts.
// One grouped statement each, over the sites in scope ("all", or the ids).
import { valueChangesBetween } from "../valuation/valued-lines";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { divideRounded, fromTenThousandths, sumAmounts, toTenThousandths } from "../money/fixed-point";
import { happenedBetween } from "../ledger/happened-between";
import { periodBounds, siteCondition } from "../reports/report-scope";
import type { ReportSites } from "../reports/report";
import type { ManagerDashboard } from "./schemas";

type Period = { from: string; to: string };

/**
 * Units on hand in physical stock at the end of each day of the period. Rolled back from today's stock levels:
 * the end of day d is today's on hand less every movement into the sites' physical locations after d, plus
 * every one out of them (moves within a site cancel out; a transfer leaves one site and reaches the other).
 * The daily flows are computed once (MATERIALIZED): referenced once, PostgreSQL would inline them into the
 * per-day subquery and aggregate every movement since the period's start again for each day — 62 s for 90 days
 * over the valuation benchmark's 10 million movements.
 */
export async function onHandByDay(db: Db, period: Period, sites: ReportSites): Promise<ManagerDashboard["onHand"]> {
  const { start } = periodBounds(period);
  const inScope = (alias: string) => {
    const l = Prisma.raw(`"${alias}"`);
    return sites === "all" ? Prisma.sql`NOT ${l}."isVirtual"` : Prisma.sql`(NOT ${l}."isVirtual" AND ${l}."siteId" = ANY(${[...sites]}::uuid[]))`;
  };
  const rows = await db.$queryRaw<{ day: Date; units: number }[]>`
    WITH today AS (
      SELECT COALESCE(SUM(sl."onHand"), 0)::bigint AS units
      FROM "StockLevel" sl JOIN "Location" loc ON loc.id = sl."locationId"
      WHERE NOT sl."isVirtual" ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
    ), flows AS MATERIALIZED (
      SELECT m."occurredAt"::date AS day,
             SUM(CASE WHEN ${inScope("tl")} THEN m.quantity ELSE 0 END - CASE WHEN ${inScope("fl")} THEN m.quantity ELSE 0 END) AS net
      FROM "StockMovement" m
      JOIN "Location" fl ON fl.id = m."fromLocationId" JOIN "Location" tl ON tl.id = m."toLocationId"
      WHERE ${happenedBetween("m", start, null)} AND (${inScope("tl")} OR ${inScope("fl")})
      GROUP BY 1
    )
    SELECT d.day::date AS day,
           ((SELECT units FROM today) - COALESCE((SELECT SUM(net) FROM flows f WHERE f.day > d.day::date), 0))::int AS units
    FROM generate_series(${period.from}::date, ${period.to}::date, interval '1 day') AS d(day)
    ORDER BY 1`;
  return rows.map((row) => ({ day: row.day.toISOString().slice(0, 10), units: row.units }));
}

/**
 * The value on hand at the end of each day of the period, and the period's cost of goods sold, in one grouped
 * statement: the changes of value (MovementValue and CostRevaluation, by when they happened) summed per day, those
 * before the period counted on its first day, then a running sum over the days. Cost of goods sold is −Σ of the
 * period's `cogs` changes, as the reconciliation and the turnover report count it.
 */
export async function valueByDay(db: Db, period: Period, sites: ReportSites): Promise<{ series: { day: string; value: string }[]; cogs: string }> {
  const { start, end } = periodBounds(period);
  const rows = await db.$queryRaw<{ day: Date; value: string; cogs: string }[]>`
    WITH changes AS (${valueChangesBetween(start, end, sites)}), daily AS (
      SELECT greatest(x."occurredAt"::date, ${period.from}::date) AS day, sum(x.value) AS change,
             coalesce(-sum(x.value) FILTER (WHERE x.category = 'cogs' AND x."occurredAt" >= ${start}), 0) AS cogs
        FROM changes x GROUP BY 1
    )
    SELECT d.day::date AS day,
           (sum(coalesce(daily.change, 0)) OVER (ORDER BY d.day))::numeric(18,4)::text AS value,
           coalesce(daily.cogs, 0)::numeric(18,4)::text AS cogs
      FROM generate_series(${period.from}::date, ${period.to}::date, interval '1 day') AS d(day)
      LEFT JOIN daily ON daily.day = d.day::date
     ORDER BY 1`;
  return {
    series: rows.map((row) => ({ day: row.day.toISOString().slice(0, 10), value: row.value })),
    cogs: sumAmounts(rows.map((row) => row.cogs)),
  };
}

/** The mean of the day-end values, exact to 4 places (half away from zero); "0.0000" for no days. */
export function averageValue(series: readonly { value: string }[]): string {
  if (series.length === 0) return "0.0000";
  return fromTenThousandths(divideRounded(toTenThousandths(sumAmounts(series.map((d) => d.value))), BigInt(series.length)));
}

/**
 * Unit fill rate: of the units on orders due in the period (a promised ship date in it, not cancelled, and
 * either shipped or past that date, as the on-time figure counts them: lib/orders/measure-on-time.ts), the share
 * shipped on an order that left on or before its promised date. Late or missing units count as not filled.
 * `today` stands in for the current day in tests.
 */
export async function fillRate(db: Db, period: Period, sites: ReportSites, today: string): Promise<ManagerDashboard["fillRate"]> {
  const [row] = await db.$queryRaw<{ orders: number; ordersFilled: number; unitsOrdered: number; unitsFilled: number }[]>`
    WITH due AS (
      SELECT o.id,
             o.status = 'shipped' AND o."shippedAt"::date <= o."promisedShipDate" AS "inTime",
             SUM(l.quantity) AS ordered, SUM(l.shipped) AS shipped
      FROM "SalesOrder" o JOIN "SalesOrderLine" l ON l."orderId" = o.id
      WHERE o."promisedShipDate" BETWEEN ${period.from}::date AND ${period.to}::date
        AND o.status <> 'cancelled' AND (o.status = 'shipped' OR o."promisedShipDate" < ${today}::date)
        ${siteCondition(Prisma.sql`o."siteId"`, sites)}
      GROUP BY o.id
    )
    SELECT count(*)::int AS orders,
           (count(*) FILTER (WHERE "inTime" AND shipped >= ordered))::int AS "ordersFilled",
           COALESCE(SUM(ordered), 0)::int AS "unitsOrdered",
           COALESCE(SUM(shipped) FILTER (WHERE "inTime"), 0)::int AS "unitsFilled"
    FROM due`;
  return { ...row, rate: row.unitsOrdered === 0 ? null : round(row.unitsFilled / row.unitsOrdered, 3) };
}

/** Stockout alerts raised in the period (the movement that emptied an item with demand raises one: docs/alerts.md). */
export async function stockoutsRaised(db: Db, period: Period, sites: ReportSites): Promise<{ raised: number; items: number }> {
  const { start, end } = periodBounds(period);
  const [row] = await db.$queryRaw<{ raised: number; items: number }[]>`
    SELECT count(*)::int AS raised, count(DISTINCT (a."itemId", a."siteId"))::int AS items
    FROM "Alert" a
    WHERE a.kind = 'stockout' AND a."raisedAt" >= ${start} AND a."raisedAt" < ${end}
      ${siteCondition(Prisma.sql`a."siteId"`, sites)}`;
  return row;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
