import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relayAll } from "../../tests/factories/events";
import { startSmtpInbox } from "../../tests/factories/smtp-inbox";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { afterEventsWritten } from "../system/after-events-written";
import { saveAlertSubscription } from "./alert-subscription";
import { sendAlertDigests } from "./send-alert-digests";

const db = getDb();
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
});

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** A warehouse whose plain item is low (2 ≤ 5) and whose solvent is over its maximum (6 > 4). */
async function warehouseWithAlerts() {
  const w = await buildWarehouse(db);
  await db.stockThreshold.createMany({
    data: [
      { itemId: w.items.plain.id, siteId: w.site.id, reorderPoint: 5, updatedBy: "test" },
      { itemId: w.items.solvent.id, siteId: w.site.id, maxQty: 4, updatedBy: "test" },
    ],
  });
  return w;
}

async function raise(w: Awaited<ReturnType<typeof warehouseWithAlerts>>) {
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 2, to: w.bins.a1.code, reason: "received" });
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.solvent.sku, quantity: 6, to: w.bins.cage.code, reason: "received" });
  await relayAll(db, afterEventsWritten);
}

async function person(role: "manager" | "clerk", siteIds: string[]) {
  const email = `digest-${Math.random().toString(36).slice(2)}@example.com`;
  const user = await db.user.create({ data: { email, name: "Dana Digest", role, sites: { create: siteIds.map((siteId) => ({ siteId })) } } });
  const actor: Actor = { type: "user", id: user.id, label: email, role, sites: role === "clerk" || siteIds.length ? siteIds : "all" };
  return { user, actor };
}

const mailsTo = (email: string) => inbox.received.filter((mail) => mail.to.includes(email));

describe("alert e-mail digests", () => {
  it("sends each person the kinds and sites they chose, once, through the SMTP server", async () => {
    const w = await warehouseWithAlerts();
    const { user, actor } = await person("clerk", [w.site.id]);
    await saveAlertSubscription(db, actor, { frequency: "immediate", kinds: ["low_stock"], sites: [w.site.code] });
    await raise(w);

    await Promise.all([sendAlertDigests(db, minutesFromNow(2)), sendAlertDigests(db, minutesFromNow(2))]);
    const mails = mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).toContain(`Subject: Stockroom: 1 new alert at ${w.site.code}`);
    expect(mails[0].text).toContain(`- Low stock ${w.items.plain.sku} at ${w.site.code}: Available 2 ≤ reorder point 5 (on hand 2)`);
    expect(mails[0].raw).not.toContain(w.items.solvent.sku); // overstock was not chosen

    await sendAlertDigests(db, minutesFromNow(4)); // nothing new since
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it("waits for the chosen interval, and a failed send is tried again on the next run", async () => {
    const w = await warehouseWithAlerts();
    const { user, actor } = await person("manager", [w.site.id]);
    await saveAlertSubscription(db, actor, { frequency: "hourly", kinds: [], sites: [] });
    await raise(w);
    await sendAlertDigests(db, minutesFromNow(30));
    expect(mailsTo(user.email)).toHaveLength(0);

    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens there
    await sendAlertDigests(db, minutesFromNow(61));
    process.env.SMTP_URL = inbox.url;
    expect(mailsTo(user.email)).toHaveLength(0);
    await sendAlertDigests(db, minutesFromNow(62));
    const [mail] = mailsTo(user.email);
    expect(mail.raw).toContain("Subject: Stockroom: 2 new alerts");
    expect(mail.raw).toContain(w.items.solvent.sku);
  });

  it("refuses a site the person does not work at, naming it", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const { actor } = await person("clerk", [w.site.id]);
    await expect(saveAlertSubscription(db, actor, { frequency: "daily", kinds: [], sites: [w.site.code, other.site.code] })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "sites.1", message: `You do not work at ${other.site.code}` }],
    });
    expect(await db.alertSubscription.count({ where: { userId: actor.id } })).toBe(0);
  });
});
