/**
 * E-mail digests of new alerts, each person's as they chose (./alert-subscription.ts). A background job
 * (lib/system/background-jobs.ts) runs every minute when SMTP_URL is set. A digest is claimed before it is sent:
 * the due subscriptions are locked with SKIP LOCKED and moved on to now in one statement, so two app processes
 * never send the same digest; a send that fails puts the subscription back, and the next run tries again.
 */
import { loadUserActor } from "../auth/load-actor";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isMailConfigured, sendMail } from "../mail/send-mail";
import { alertSelect, toAlertView } from "./alert-view";
import { describeAlert } from "./describe-alert";
import { ALERT_KIND_LABELS, type AlertView } from "./schemas";

const INTERVAL_MS = { immediate: 60_000, hourly: 3_600_000, daily: 86_400_000 } as const;
/** At most this many alerts are listed in one e-mail; the rest are counted, with a link. */
const LISTED = 50;

type Claimed = { userId: string; since: Date; until: Date; kinds: string[]; siteIds: string[] };

export async function sendAlertDigests(db: Db, now = new Date()): Promise<{ sent: number }> {
  if (!isMailConfigured()) return { sent: 0 };
  let sent = 0;
  for (const claim of await claimDueDigests(db, now)) {
    try {
      if (await sendDigest(db, claim)) sent++;
    } catch (error) {
      // Put it back so the next run sends these alerts, unless someone changed the subscription meanwhile.
      await db.alertSubscription.updateMany({ where: { userId: claim.userId, lastSentAt: claim.until }, data: { lastSentAt: claim.since } });
      console.error(`alert digest for user ${claim.userId} not sent`, error);
    }
  }
  return { sent };
}

async function claimDueDigests(db: Db, now: Date): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT "userId", COALESCE("lastSentAt", "createdAt") AS since FROM "AlertSubscription"
      WHERE frequency <> 'off' AND COALESCE("lastSentAt", "createdAt") <= ${now}::timestamp - (CASE frequency
        WHEN 'immediate' THEN ${INTERVAL_MS.immediate}::int WHEN 'hourly' THEN ${INTERVAL_MS.hourly}::int ELSE ${INTERVAL_MS.daily}::int END) * interval '1 millisecond'
      ORDER BY "userId" LIMIT 200
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "AlertSubscription" s SET "lastSentAt" = ${now}::timestamp
    FROM due WHERE s."userId" = due."userId"
    RETURNING s."userId"::text AS "userId", due.since, s."lastSentAt" AS until, s.kinds::text[] AS kinds, s."siteIds"::text[] AS "siteIds"`;
}

/** The person's new alerts in (since, until] within what they may see and chose; no mail when there are none. */
async function sendDigest(db: Db, claim: Claimed): Promise<boolean> {
  const actor = await loadUserActor(db, claim.userId);
  if (!actor) return false;
  const visible =
    actor.sites === "all" ? claim.siteIds : claim.siteIds.length ? claim.siteIds.filter((id) => actor.sites.includes(id)) : [...actor.sites];
  const where: Prisma.AlertWhereInput = {
    raisedAt: { gt: claim.since, lte: claim.until },
    ...(claim.kinds.length ? { kind: { in: claim.kinds as AlertView["kind"][] } } : {}),
    ...(actor.sites === "all" && claim.siteIds.length === 0 ? {} : { siteId: { in: visible } }),
  };
  const [total, rows] = await Promise.all([
    db.alert.count({ where }),
    db.alert.findMany({ where, orderBy: { raisedAt: "asc" }, take: LISTED, select: alertSelect }),
  ]);
  if (total === 0) return false;
  const user = await db.user.findUniqueOrThrow({ where: { id: claim.userId }, select: { email: true, name: true } });
  await sendMail({ to: user.email, ...digestMail(rows.map(toAlertView), total, user.name) });
  return true;
}

/** The digest's subject and plain text: one line per alert in the screens' words, and where to act on them. */
export function digestMail(alerts: readonly AlertView[], total: number, name: string): { subject: string; text: string } {
  const sites = [...new Set(alerts.map((a) => a.site))].sort();
  const subject = `Stockroom: ${total} new alert${total === 1 ? "" : "s"} at ${sites.join(", ")}`;
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const lines = alerts.map(
    (a) =>
      `- ${ALERT_KIND_LABELS[a.kind]}${a.sku ? ` ${a.sku}` : ""} at ${a.site}: ${describeAlert(a)}${a.state === "resolved" ? " (resolved since)" : ""}`,
  );
  const more = total > alerts.length ? [`… and ${total - alerts.length} more.`] : [];
  const text = [
    `Hello ${name},`,
    "",
    `${total} new alert${total === 1 ? "" : "s"}:`,
    ...lines,
    ...more,
    "",
    `See them all: ${base}/alerts`,
    `Choose what reaches you: ${base}/alerts/notifications`,
  ].join("\n");
  return { subject, text };
}
