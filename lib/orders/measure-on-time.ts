import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { codeField } from "../contract/code-field";
import { isoDay } from "../reports/report";
import { today } from "./order-view";

/** Twelve weeks back when `from` is left out: a quarter, enough for a trend and short enough to read. */
const DEFAULT_WEEKS = 12;

export const onTimeQuery = z
  .object({
    site: codeField.optional().describe("Only orders shipping from this site"),
    from: isoDay.optional().describe("First promised ship date counted; 12 weeks before `to` when left out"),
    to: isoDay.optional().describe("Last promised ship date counted; today when left out"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "On or after `from`" });

export const onTimeWeek = z
  .object({
    site: z.string().nullable().describe("The shipping site; null for orders no site could take yet"),
    week: z.string().describe("ISO week of the promised ship date").meta({ example: "2026-W49" }),
    weekStart: z.string().describe("The Monday of that week").meta({ example: "2026-11-30" }),
    due: z.number().int().describe("Orders counted: shipped, or past their promised date and not shipped"),
    onTime: z.number().int().describe("Shipped on or before their promised ship date"),
    late: z.number().int().describe("Shipped after it, or still not shipped once it has passed"),
    share: z.number().describe("onTime ÷ due, 0..1"),
  })
  .meta({ id: "OnTimeWeek" });

export const onTimeAnswer = z.object({ from: z.string(), to: z.string(), data: z.array(onTimeWeek) }).meta({ id: "OnTimeFigures" });

export type OnTimeQuery = z.input<typeof onTimeQuery>;
export type OnTimeWeek = z.infer<typeof onTimeWeek>;
export type OnTimeFigures = z.infer<typeof onTimeAnswer>;

/** The Monday `weeks` weeks before the week of `day` (YYYY-MM-DD). */
function mondayWeeksBefore(day: string, weeks: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday - 7 * (weeks - 1));
  return date.toISOString().slice(0, 10);
}

/**
 * On-time shipping per site and ISO week: the share of orders shipped by their promised ship date. Each order
 * with a promised date counts once, in the week it was due: shipped on or before that day is on time, shipped
 * after it is late, and one still not shipped once the day has passed is late too (waiting does not hide it).
 * Orders not yet due and not shipped, cancelled orders and orders without a promised date are not counted.
 * Days are UTC, as the promised date and `late` are everywhere else. `asOf` stands in for today in tests.
 */
export async function measureOnTime(db: Db, actor: Actor, query: OnTimeQuery, options: { asOf?: string } = {}): Promise<OnTimeFigures> {
  authorize(actor, "stock.view");
  const q = onTimeQuery.parse(query);
  const now = options.asOf ?? today();
  const to = q.to ?? now;
  const from = q.from ?? mondayWeeksBefore(to, DEFAULT_WEEKS);
  const scope = actor.sites === "all" ? Prisma.empty : Prisma.sql`AND o."siteId" = ANY(${[...actor.sites]}::uuid[])`;
  const site = q.site ? Prisma.sql`AND s.code = ${q.site}` : Prisma.empty;
  // One grouped statement; shippedAt is stored in UTC, so its ::date is the UTC day it left.
  const rows = await db.$queryRaw<{ site: string | null; week: string; weekStart: Date; due: bigint; onTime: bigint }[]>`
    SELECT s.code AS site,
           to_char(o."promisedShipDate", 'IYYY-"W"IW') AS week,
           date_trunc('week', o."promisedShipDate")::date AS "weekStart",
           count(*) AS due,
           count(*) FILTER (WHERE o.status = 'shipped' AND o."shippedAt"::date <= o."promisedShipDate") AS "onTime"
    FROM "SalesOrder" o
    LEFT JOIN "Site" s ON s.id = o."siteId"
    WHERE o."promisedShipDate" BETWEEN ${from}::date AND ${to}::date
      AND o.status <> 'cancelled'
      AND (o.status = 'shipped' OR o."promisedShipDate" < ${now}::date)
      ${scope} ${site}
    GROUP BY 1, 2, 3
    ORDER BY 3, 1 NULLS LAST`;
  return {
    from,
    to,
    data: rows.map((row) => {
      const due = Number(row.due);
      const onTime = Number(row.onTime);
      return {
        site: row.site,
        week: row.week,
        weekStart: row.weekStart.toISOString().slice(0, 10),
        due,
        onTime,
        late: due - onTime,
        share: due === 0 ? 0 : onTime / due,
      };
    }),
  };
}
