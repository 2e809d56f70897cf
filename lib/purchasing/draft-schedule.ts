/**
 * The optional schedule that turns a site's purchase suggestions into draft orders by itself, daily or weekly
 * from 06:00 in the site's time zone. The drafts wait for a buyer's approval like any other; since open orders
 * (drafts too) count as on order, a later run suggests only what is still missing.
 */
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { DomainError, ValidationFailed } from "../domain-error";
import { createPurchaseOrder } from "./create-purchase-order";
import { suggestPurchases } from "./suggest-purchases";

export const DRAFT_SCHEDULES = ["off", "daily", "weekly"] as const;
export type DraftSchedule = (typeof DRAFT_SCHEDULES)[number];

/** Who the drafted orders and their history name. */
export const DRAFT_SCHEDULE_ACTOR: Actor = { type: "system", id: "system", label: "purchase schedule", role: "admin", sites: "all" };

const STARTS_AT_HOUR = 6;

export type DraftScheduleView = {
  site: string;
  schedule: DraftSchedule;
  lastRun: { period: string; at: string; orders: string[]; skipped: { supplier: string; reason: string }[] } | null;
};

/** The site's local calendar date, weekday (1 = Monday … 7) and hour at `now`. */
function localTime(timezone: string, now: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return { date, weekday, hour: Number(parts.hour) };
}

/** ISO 8601 week of a calendar date ("2026-W49"): the week belongs to the year of its Thursday. */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * The period a run is due for at `now`, or null: daily, the local date once it is 06:00 there; weekly, the ISO
 * week once its Monday 06:00 has passed there (a process down on Monday still drafts that week).
 */
export function dueDraftPeriod(schedule: DraftSchedule, timezone: string, now: Date): string | null {
  if (schedule === "off") return null;
  const local = localTime(timezone, now);
  const started = local.weekday > 1 || local.hour >= STARTS_AT_HOUR;
  if (schedule === "weekly") return started ? isoWeekOf(local.date) : null;
  return local.hour >= STARTS_AT_HOUR ? local.date : null;
}

/**
 * Drafts the due sites' suggestions, one order per supplier. Each site and period runs once however many
 * processes call this at once: the run's row is inserted first, and its unique (site, period) key makes every
 * other insert wait for that transaction and then do nothing. The row, the drafts and their audit and events
 * commit together: a run that fails leaves nothing, and the next call tries again. A supplier whose suggestion
 * cannot become an order (an item without a price) is recorded in the run as skipped; the others are drafted.
 */
export async function draftScheduledPurchaseOrders(db: Db, now = new Date()): Promise<{ site: string; period: string; orders: string[] }[]> {
  const sites = await db.site.findMany({
    where: { active: true, purchaseDraftSchedule: { not: "off" } },
    select: { id: true, code: true, timezone: true, purchaseDraftSchedule: true },
  });
  const runs = [];
  for (const site of sites) {
    const period = dueDraftPeriod(site.purchaseDraftSchedule, site.timezone, now);
    if (!period) continue;
    const run = await unitOfWork(
      db,
      async (tx) => {
        const claimed = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "PurchaseDraftRun" (id, "siteId", period, orders) VALUES (gen_random_uuid(), ${site.id}::uuid, ${period}, '{}')
        ON CONFLICT ("siteId", period) DO NOTHING RETURNING id::text`;
        if (claimed.length === 0) return null;
        const suggestions = await suggestPurchases(tx, DRAFT_SCHEDULE_ACTOR, { site: site.code });
        const orders: string[] = [];
        const skipped: { supplier: string; reason: string }[] = [];
        for (const group of suggestions.data) {
          try {
            const lines = group.lines.map(({ sku, quantity }) => ({ sku, quantity }));
            orders.push((await createPurchaseOrder(tx, DRAFT_SCHEDULE_ACTOR, { supplier: group.supplier, site: site.code, lines })).number);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            skipped.push({ supplier: group.supplier, reason: error.message });
          }
        }
        await tx.purchaseDraftRun.update({ where: { id: claimed[0].id }, data: { orders, skipped } });
        return { site: site.code, period, orders };
      },
      { timeoutMs: 120_000 },
    );
    if (run) runs.push(run);
  }
  return runs;
}

/** The site's schedule and its last run (purchasing.view at the site). */
export async function getDraftSchedule(db: Db, actor: Actor, siteCode: string): Promise<DraftScheduleView> {
  authorize(actor, "purchasing.view");
  const site = await findSite(db, siteCode);
  authorize(actor, "purchasing.view", { siteId: site.id });
  const last = await db.purchaseDraftRun.findFirst({ where: { siteId: site.id }, orderBy: { createdAt: "desc" } });
  return {
    site: site.code,
    schedule: site.purchaseDraftSchedule,
    lastRun: last
      ? {
          period: last.period,
          at: last.createdAt.toISOString(),
          orders: last.orders,
          skipped: last.skipped as { supplier: string; reason: string }[],
        }
      : null,
  };
}

/** Turns the site's schedule on (daily, weekly) or off: purchasing.manage at the site; audited. */
export async function setDraftSchedule(db: Db, actor: Actor, input: { site: string; schedule: DraftSchedule }): Promise<DraftScheduleView> {
  authorize(actor, "purchasing.manage");
  if (!DRAFT_SCHEDULES.includes(input.schedule)) throw new ValidationFailed([{ field: "schedule", message: "Choose off, daily or weekly" }]);
  const site = await findSite(db, input.site);
  authorize(actor, "purchasing.manage", { siteId: site.id });
  await unitOfWork(db, async (tx) => {
    await tx.site.update({ where: { id: site.id }, data: { purchaseDraftSchedule: input.schedule } });
    await recordAudit(tx, actor, {
      action: "purchasing.draft_schedule",
      entityType: "site",
      entityId: site.id,
      siteId: site.id,
      before: { schedule: site.purchaseDraftSchedule },
      after: { schedule: input.schedule },
    });
  });
  return getDraftSchedule(db, actor, site.code);
}

async function findSite(db: Db, code: string) {
  const site = await db.site.findUnique({
    where: { code: code.trim().toUpperCase() },
    select: { id: true, code: true, purchaseDraftSchedule: true },
  });
  if (!site) throw new ValidationFailed([{ field: "site", message: `No site has the code ${code}` }]);
  return site;
}
