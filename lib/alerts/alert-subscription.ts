/**
 * Each person chooses which alerts reach them by e-mail: the kinds, the sites (among those they may see) and how
 * often (at once, hourly or daily digests, or never). Only for people: an API key hears alerts through webhooks.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { Forbidden, ValidationFailed } from "../domain-error";
import { ALERT_KINDS } from "./schemas";

export const DIGEST_FREQUENCIES = ["immediate", "hourly", "daily", "off"] as const;

export const subscriptionInput = z.object({
  frequency: z.enum(DIGEST_FREQUENCIES, "Choose how often: immediate, hourly, daily or off"),
  kinds: z.array(z.enum(ALERT_KINDS, "Not a kind of alert")).max(ALERT_KINDS.length).describe("Empty: every kind"),
  sites: z.array(z.string().trim().min(1).max(64)).max(500).describe("Site codes; empty: every site you may see"),
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;
export type SubscriptionView = SubscriptionInput & { lastSentAt: string | null };

export async function getAlertSubscription(db: Db, actor: Actor): Promise<SubscriptionView> {
  authorize(actor, "stock.view");
  const row = actor.type === "user" ? await db.alertSubscription.findUnique({ where: { userId: actor.id } }) : null;
  if (!row) return { frequency: "off", kinds: [], sites: [], lastSentAt: null };
  const sites = row.siteIds.length
    ? await db.site.findMany({ where: { id: { in: row.siteIds } }, select: { code: true }, orderBy: { code: "asc" } })
    : [];
  return { frequency: row.frequency, kinds: row.kinds, sites: sites.map((s) => s.code), lastSentAt: row.lastSentAt?.toISOString() ?? null };
}

export async function saveAlertSubscription(db: Db, actor: Actor, input: SubscriptionInput): Promise<SubscriptionView> {
  authorize(actor, "stock.view");
  if (actor.type !== "user") throw new Forbidden("choose alert e-mails", undefined, "Only a person signed in chooses the alerts e-mailed to them");
  const data = subscriptionInput.parse(input);
  const sites = await db.site.findMany({ where: { code: { in: data.sites.map((code) => code.toUpperCase()) } }, select: { id: true, code: true } });
  const issues = data.sites.flatMap((code, index) => {
    const site = sites.find((s) => s.code === code.toUpperCase());
    if (!site) return [{ field: `sites.${index}`, message: `No site has the code ${code}` }];
    if (actor.sites !== "all" && !actor.sites.includes(site.id)) return [{ field: `sites.${index}`, message: `You do not work at ${site.code}` }];
    return [];
  });
  if (issues.length) throw new ValidationFailed(issues);
  const values = { frequency: data.frequency, kinds: [...new Set(data.kinds)], siteIds: sites.map((s) => s.id) };
  await unitOfWork(db, async (tx) => {
    await tx.alertSubscription.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...values }, update: values });
    await recordAudit(tx, actor, { action: "alerts.subscribe", entityType: "User", entityId: actor.id, after: { ...data } });
  });
  return getAlertSubscription(db, actor);
}
