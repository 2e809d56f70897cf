import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appendEvents } from "../../tests/factories/events";
import { buildUser } from "../../tests/factories/access";
import { startWebhookReceiver } from "../../tests/factories/webhook-receiver";
import { getDb } from "../db/client";
import { toPublishedEvent } from "../events/event-envelope";
import { updateInstallationSettings } from "../settings/installation-settings";
import { createWebhook } from "./create-webhook";
import { deliverDueWebhooks } from "./deliver-webhooks";
import { redeliverWebhook } from "./redeliver-webhook";
import { updateWebhook } from "./update-webhook";

const db = getDb();
let admin: Awaited<ReturnType<typeof buildUser>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  admin = await buildUser(db, "admin");
  await updateInstallationSettings(db, admin.actor, { allowPrivateUrls: true }); // the receiver is on loopback
});

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  receiver = await startWebhookReceiver();
});

afterEach(() => receiver.close());

async function subscribe(types: string[] = ["*"], url = receiver.url) {
  const webhook = await createWebhook(db, admin.actor, { url, types });
  receiver.verifyWith(webhook.secret);
  return webhook;
}

/** A clock a little ahead of the database's, so deliveries queued just now are due. */
const startOfTest = () => new Date(Date.now() + 1_000);

describe("deliverDueWebhooks", () => {
  it("POSTs each subscribed event once, signed so the standardwebhooks library verifies it", async () => {
    const webhook = await subscribe(["stock.changed"]);
    const { events } = await appendEvents(db, [
      { type: "stock.changed", subject: "stock:A", data: { onHand: 1 } },
      { type: "item.created", subject: "item:A" },
      { type: "stock.changed", subject: "stock:A", data: { onHand: 2 } },
    ]);
    const result = await deliverDueWebhooks(db, { now: startOfTest });
    expect(result).toEqual({ attempted: 2, nextDueAt: null });
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true]);
    const stockEvents = events.filter((e) => e.type === "stock.changed");
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual(stockEvents.map((e) => JSON.parse(JSON.stringify(toPublishedEvent(e)))));
    expect(receiver.received.map((r) => r.id)).toEqual(stockEvents.map((e) => e.id));
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: webhook.id } });
    expect(deliveries.map((d) => [d.status, d.attempts, d.responseStatus])).toEqual([
      ["delivered", 1, 200],
      ["delivered", 1, 200],
    ]);
    expect(deliveries.every((d) => d.responseMs !== null && d.responseMs >= 0)).toBe(true);
    expect((await deliverDueWebhooks(db, { now: startOfTest })).attempted).toBe(0);
  });

  it("gets every event to a receiver that fails and then recovers, in order per item, with the same ids", async () => {
    const webhook = await subscribe();
    const subjects = ["stock:X", "stock:Y", "stock:X", "order:1", "stock:Y", "stock:X"];
    const { events } = await appendEvents(
      db,
      subjects.map((subject) => ({ type: `${subject.split(":")[0]}.changed`, subject })),
    );
    receiver.answerWith(500);

    let now = startOfTest();
    const first = await deliverDueWebhooks(db, { now: () => now });
    // Each subject's first event is tried (three subjects at once) and fails; its later events wait behind it.
    expect(first.attempted).toBe(3);
    expect(first.nextDueAt?.getTime()).toBe(now.getTime() + 5_000);
    expect(await deliverDueWebhooks(db, { now: () => new Date(now.getTime() + 4_000) })).toMatchObject({ attempted: 0 });

    for (const delay of [5_000, 30_000, 120_000]) {
      expect(first.nextDueAt).not.toBeNull();
      const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id, eventId: events[0].id } });
      expect(failed.nextAttemptAt.getTime() - now.getTime()).toBe(delay);
      now = failed.nextAttemptAt;
      expect((await deliverDueWebhooks(db, { now: () => now })).attempted).toBe(3);
    }
    receiver.answerWith(204);
    now = (await db.webhookDelivery.findFirstOrThrow({ where: { eventId: events[0].id } })).nextAttemptAt;
    const recovered = await deliverDueWebhooks(db, { now: () => now });
    expect(recovered).toEqual({ attempted: events.length, nextDueAt: null });

    expect(receiver.received.filter((r) => r.id === events[0].id)).toHaveLength(5); // four failures and the delivery: one id
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const delivered = receiver.delivered().map((r) => JSON.parse(r.body) as { id: string; subject: string; sequence: number });
    expect(new Set(delivered.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    expect(delivered).toHaveLength(events.length);
    for (const subject of new Set(subjects)) {
      const sequences = delivered.filter((e) => e.subject === subject).map((e) => e.sequence);
      expect(sequences, subject).toEqual(sequences.map((_, i) => i + 1));
    }
    const head = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: events[0].id } });
    expect(head).toMatchObject({ status: "delivered", attempts: 5, responseStatus: 204, lastError: null });
  });

  it("delivers each event once when two processes deliver at the same time", async () => {
    await receiver.close();
    receiver = await startWebhookReceiver({ delayMs: 5 });
    await subscribe();
    const { events } = await appendEvents(
      db,
      Array.from({ length: 20 }, (_, i) => ({ type: "stock.changed", subject: `stock:C${i % 3}` })),
    );
    const [a, b] = await Promise.all([deliverDueWebhooks(db, { now: startOfTest }), deliverDueWebhooks(db, { now: startOfTest })]);
    expect(a.attempted + b.attempted).toBe(20);
    const arrived = receiver.received.map((r) => r.id);
    expect(arrived).toHaveLength(20);
    expect(new Set(arrived)).toEqual(new Set(events.map((e) => e.id)));
    // In order per subject (the guarantee); subjects may interleave.
    for (let c = 0; c < 3; c++) {
      const ofSubject = events.filter((_, i) => i % 3 === c).map((e) => e.id);
      expect(arrived.filter((id) => ofSubject.includes(id))).toEqual(ofSubject);
    }
    expect(await db.webhookDelivery.count({ where: { status: "delivered", attempts: 1 } })).toBe(20);
  });

  it("leaves an endpoint another process holds alone until its lease ends", async () => {
    const webhook = await subscribe();
    await appendEvents(db, [{ type: "stock.changed", subject: "stock:L" }]);
    const now = startOfTest();
    const leaseEnd = new Date(now.getTime() + 30_000);
    await db.webhookEndpoint.update({ where: { id: webhook.id }, data: { leasedUntil: leaseEnd } });
    expect(await deliverDueWebhooks(db, { now: () => now })).toEqual({ attempted: 0, nextDueAt: leaseEnd });
    expect(receiver.received).toHaveLength(0);
    // A holder that died: its lease lapses and the delivery goes out.
    expect((await deliverDueWebhooks(db, { now: () => leaseEnd })).attempted).toBe(1);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).leasedUntil).toBeNull();
  });

  it("retries for 24 hours, then fails the delivery, disables the endpoint and tells admins; enabling resumes", async () => {
    const webhook = await subscribe();
    const { events } = await appendEvents(db, [
      { type: "stock.changed", subject: "stock:D" },
      { type: "stock.changed", subject: "stock:D" },
    ]);
    receiver.answerWith(503);
    const start = startOfTest();
    let now = start;
    let attempts = 0;
    for (let pass = 0; pass < 20; pass++) {
      const result = await deliverDueWebhooks(db, { now: () => now });
      attempts += result.attempted;
      if (!result.nextDueAt) break;
      now = result.nextDueAt;
    }
    expect(attempts).toBe(12);
    expect(now.getTime() - start.getTime()).toBe(24 * 3_600_000);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(endpoint).toMatchObject({ enabled: false, disabledAt: now });
    expect(endpoint.disabledReason).toContain("Answered 503");
    const [given, waiting] = await db.webhookDelivery.findMany({ where: { endpointId: webhook.id }, orderBy: { eventPosition: "asc" } });
    expect(given).toMatchObject({ status: "failed", attempts: 12, responseStatus: 503 });
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });
    expect(await db.auditEntry.count({ where: { action: "webhook.disable", entityId: webhook.id } })).toBe(1);
    const told = await db.outboxEvent.findFirstOrThrow({ where: { type: "webhook.disabled", aggregateId: webhook.id } });
    expect(told.payload).toMatchObject({ webhookId: webhook.id, eventId: events[0].id });

    receiver.answerWith(200);
    const enabled = await updateWebhook(db, admin.actor, webhook.id, { enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
    expect((await deliverDueWebhooks(db, { now: () => now })).attempted).toBe(1);
    expect(receiver.delivered().map((r) => r.id)).toEqual([events[1].id]);
  });

  it("fails a delivery whose event left the log (retention) and goes on with the next", async () => {
    const webhook = await subscribe();
    const { events } = await appendEvents(db, [
      { type: "stock.changed", subject: "stock:R" },
      { type: "stock.changed", subject: "stock:R" },
    ]);
    await db.event.delete({ where: { position: events[0].position } });
    expect((await deliverDueWebhooks(db, { now: startOfTest })).attempted).toBe(1);
    expect(receiver.delivered().map((r) => r.id)).toEqual([events[1].id]);
    const purged = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id, eventId: events[0].id } });
    expect(purged).toMatchObject({ status: "failed", attempts: 0, lastError: expect.stringContaining("retention") });
  });

  it("sends nothing to a URL no longer allowed: each subject's first delivery records the refusal and waits", async () => {
    const webhook = await subscribe(); // on loopback, allowed when subscribed
    const { events } = await appendEvents(db, [
      { type: "stock.changed", subject: "stock:P" },
      { type: "stock.changed", subject: "stock:P" },
      { type: "stock.changed", subject: "stock:Q" },
    ]);
    await updateInstallationSettings(db, admin.actor, { allowPrivateUrls: false });
    try {
      expect((await deliverDueWebhooks(db, { now: startOfTest })).attempted).toBe(2);
      expect(receiver.received).toEqual([]);
      const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: webhook.id }, orderBy: { eventPosition: "asc" } });
      expect(deliveries.map((d) => [d.eventId, d.status, d.attempts])).toEqual([
        [events[0].id, "pending", 1],
        [events[1].id, "pending", 0],
        [events[2].id, "pending", 1],
      ]);
      expect(deliveries[0].lastError).toMatch(/^Refused: .*loopback/);
    } finally {
      await updateInstallationSettings(db, admin.actor, { allowPrivateUrls: true });
    }
  });

  it("redelivers a delivered event with the same id, and refuses one still pending (409)", async () => {
    const webhook = await subscribe();
    const { events } = await appendEvents(db, [{ type: "count.closed", subject: "count:1" }]);
    await deliverDueWebhooks(db, { now: startOfTest });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id } });
    const again = await redeliverWebhook(db, admin.actor, webhook.id, delivery.id);
    expect(again).toMatchObject({ status: "pending", attempts: 0 });
    await expect(redeliverWebhook(db, admin.actor, webhook.id, delivery.id)).rejects.toMatchObject({ code: "delivery_pending" });
    expect((await deliverDueWebhooks(db, { now: startOfTest })).attempted).toBe(1);
    expect(receiver.delivered().map((r) => r.id)).toEqual([events[0].id, events[0].id]);
    expect(await db.auditEntry.count({ where: { action: "webhook.redeliver", entityId: delivery.id } })).toBe(1);
  });
});
