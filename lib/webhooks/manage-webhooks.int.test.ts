import { openSigningSecret } from "./stored-secret";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApiKey, buildSite, buildUser } from "../../tests/factories/access";
import { appendEvents } from "../../tests/factories/events";
import { startWebhookReceiver } from "../../tests/factories/webhook-receiver";
import { getDb } from "../db/client";
import { allowsPrivateUrls, updateInstallationSettings } from "../settings/installation-settings";
import { createWebhook } from "./create-webhook";
import { deliverDueWebhooks } from "./deliver-webhooks";
import { listWebhookDeliveries } from "./list-deliveries";
import { listWebhooks } from "./list-webhooks";
import { queueWebhookDeliveries } from "./queue-deliveries";
import { deleteWebhook } from "./delete-webhook";
import { updateWebhook } from "./update-webhook";

const db = getDb();
let admin: Awaited<ReturnType<typeof buildUser>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  admin = await buildUser(db, "admin");
  receiver = await startWebhookReceiver();
});

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  await updateInstallationSettings(db, admin.actor, { allowPrivateUrls: false });
});

afterAll(() => receiver.close());

const allowPrivate = (allowPrivateUrls: boolean) => updateInstallationSettings(db, admin.actor, { allowPrivateUrls });

describe("private URLs", () => {
  it.each([
    "http://127.0.0.1:9/hooks",
    "http://[::1]/hooks",
    "http://localhost/hooks",
    "https://10.0.0.8/x",
    "http://169.254.169.254/latest",
    "http://[::ffff:192.168.0.1]/",
  ])("refuses %s (422 on url) unless the installation allows private URLs", async (url) => {
    await expect(createWebhook(db, admin.actor, { url, types: ["*"] })).rejects.toMatchObject({
      code: "url_refused",
      issues: [{ field: "url" }],
    });
    expect(await db.webhookEndpoint.count()).toBe(0);
    await allowPrivate(true);
    await expect(createWebhook(db, admin.actor, { url, types: ["*"] })).resolves.toMatchObject({ url });
  });

  it("refuses a private URL in a patch too", async () => {
    await allowPrivate(true);
    const webhook = await createWebhook(db, admin.actor, { url: receiver.url, types: ["*"] });
    await allowPrivate(false);
    await expect(updateWebhook(db, admin.actor, webhook.id, { url: "http://192.168.1.1/" })).rejects.toMatchObject({ code: "url_refused" });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).url).toBe(receiver.url);
  });

  it("checks again at each delivery: once private URLs are disallowed, nothing reaches the receiver", async () => {
    await allowPrivate(true);
    const webhook = await createWebhook(db, admin.actor, { url: receiver.url, types: ["*"] });
    await allowPrivate(false);
    const before = receiver.received.length;
    await appendEvents(db, [{ type: "stock.changed", subject: "stock:P" }]);
    expect((await deliverDueWebhooks(db, { now: () => new Date(Date.now() + 1_000) })).attempted).toBe(1);
    expect(receiver.received.length).toBe(before);
    const [delivery] = (await listWebhookDeliveries(db, admin.actor, webhook.id)).data;
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
    expect(delivery.lastError).toMatch(/^Refused: .*127\.0\.0\.1.*loopback/);
  });

  it("is an admin's setting, audited", async () => {
    const manager = await buildUser(db, "manager");
    await expect(updateInstallationSettings(db, manager.actor, { allowPrivateUrls: true })).rejects.toMatchObject({ code: "forbidden" });
    expect(await allowsPrivateUrls(db)).toBe(false);
    await allowPrivate(true);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { at: "desc" } });
    expect(entry.after).toMatchObject({ allowPrivateUrls: true });
  });
});

describe("managing webhooks", () => {
  it("lets only admins acting at every site manage them", async () => {
    const site = await buildSite(db);
    for (const actor of [(await buildUser(db, "manager")).actor, (await buildApiKey(db, "admin", [site.code])).actor]) {
      await expect(createWebhook(db, actor, { url: "https://example.com/h", types: ["*"] })).rejects.toMatchObject({ code: "forbidden" });
      await expect(listWebhooks(db, actor)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("never shows the secret after creation, and audits every change", async () => {
    await allowPrivate(true);
    const created = await createWebhook(db, admin.actor, { url: receiver.url, types: ["stock.changed"], description: "ERP" });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await listWebhooks(db, admin.actor);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    // At rest it is sealed: a copy of the database alone does not give it away.
    const stored = (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })).secret;
    expect(stored).not.toContain(created.secret.slice("whsec_".length));
    expect(openSigningSecret(stored)).toBe(created.secret);
    await updateWebhook(db, admin.actor, created.id, { types: ["stock.*"], description: null, enabled: false });
    expect((await listWebhooks(db, admin.actor))[0]).toMatchObject({ types: ["stock.*"], description: null, enabled: false });
    await deleteWebhook(db, admin.actor, created.id);
    const actions = await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["webhook.create", "webhook.update", "webhook.delete"]);
    const audited = await db.auditEntry.findMany({ where: { entityId: created.id }, select: { before: true, after: true } });
    expect(JSON.stringify(audited)).not.toContain(created.secret);
  });

  it("queues an event for endpoints hearing its type, its family or everything, once, and not for disabled ones", async () => {
    await allowPrivate(true);
    const make = (types: string[]) => createWebhook(db, admin.actor, { url: receiver.url, types });
    const [exact, family, every, other, paused] = [
      await make(["stock.changed"]),
      await make(["stock.*"]),
      await make(["*"]),
      await make(["order.created", "reservation.*"]),
      await make(["*"]),
    ];
    await updateWebhook(db, admin.actor, paused.id, { enabled: false });
    const { events, queued } = await appendEvents(db, [
      { type: "stock.changed", subject: "stock:Q" },
      { type: "stockpile.changed", subject: "stockpile:Q" },
    ]);
    expect(queued).toBe(4);
    const rows = await db.webhookDelivery.findMany({ select: { endpointId: true, eventId: true } });
    const heard = (id: string) => rows.filter((r) => r.endpointId === id).map((r) => r.eventId);
    expect(heard(exact.id)).toEqual([events[0].id]);
    expect(heard(family.id)).toEqual([events[0].id]);
    expect(heard(every.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(heard(other.id)).toEqual([]);
    expect(heard(paused.id)).toEqual([]);
  });

  it("queues deliveries due now whatever the session's time zone", async () => {
    await allowPrivate(true);
    const webhook = await createWebhook(db, admin.actor, { url: receiver.url, types: ["*"] });
    const event = await db.event.create({
      data: { id: crypto.randomUUID(), type: "stock.changed", subject: "stock:TZ", sequence: 1, occurredAt: new Date(), outboxId: 0n, data: {} },
    });
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL TimeZone = 'Pacific/Kiritimati'`); // UTC+14
      await queueWebhookDeliveries(tx, event.position - 1n, event.position);
    });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id } });
    expect(Math.abs(delivery.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("refuses malformed event types (422 on types)", async () => {
    for (const types of [[], ["stock"], ["Stock.Changed"], ["*.changed"], ["stock.changed", ""]]) {
      await expect(createWebhook(db, admin.actor, { url: "https://example.com/h", types }), JSON.stringify(types)).rejects.toMatchObject({
        name: "ZodError",
        issues: [expect.objectContaining({ path: expect.arrayContaining(["types"]) })],
      });
    }
  });
});
