// The webhooks and settings API through the route handlers: admins only, 422 naming the field for a bad or
// private URL and bad types, the secret shown once (not on an idempotent replay), the delivery log and redeliver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApiKey } from "../../factories/access";
import { appendEvents } from "../../factories/events";
import { startWebhookReceiver } from "../../factories/webhook-receiver";
import { getDb } from "../../../lib/db/client";
import { deliverDueWebhooks } from "../../../lib/webhooks/deliver-webhooks";
import * as settingsRoute from "../../../app/api/v1/settings/route";
import * as webhookRoute from "../../../app/api/v1/webhooks/[id]/route";
import * as deliveriesRoute from "../../../app/api/v1/webhooks/[id]/deliveries/route";
import * as redeliverRoute from "../../../app/api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import * as webhooksRoute from "../../../app/api/v1/webhooks/route";
import { callRoute } from "./call-route";

const db = getDb();
let adminKey: string;
let managerKey: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  adminKey = (await buildApiKey(db, "admin")).key;
  managerKey = (await buildApiKey(db, "manager")).key;
  receiver = await startWebhookReceiver();
});

afterAll(() => receiver.close());

const createBody = (url: string) => ({ url, types: ["stock.changed"], description: "ERP" });

describe("who may manage webhooks and settings", () => {
  it("answers 403 to a manager and 401 without credentials, and changes nothing", async () => {
    const calls = [
      { route: webhooksRoute.GET, method: "GET", path: "/api/v1/webhooks" },
      { route: webhooksRoute.POST, method: "POST", path: "/api/v1/webhooks", body: createBody("https://example.com/h") },
      { route: settingsRoute.GET, method: "GET", path: "/api/v1/settings" },
      { route: settingsRoute.PATCH, method: "PATCH", path: "/api/v1/settings", body: { allowPrivateUrls: true } },
    ];
    for (const call of calls) {
      const asManager = await callRoute(call.route as never, { ...call, key: managerKey });
      expect(asManager.status, `${call.method} ${call.path}`).toBe(403);
      expect(asManager.contentType).toBe("application/problem+json");
      expect((await callRoute(call.route as never, call)).status).toBe(401);
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
    expect((await db.installationSettings.findUniqueOrThrow({ where: { id: 1 } })).allowPrivateUrls).toBe(false);
  });
});

describe("POST /api/v1/webhooks with bad input", () => {
  const cases: [string, object, string][] = [
    ["a relative URL", { url: "/hooks", types: ["*"] }, "url"],
    ["an ftp URL", { url: "ftp://example.com/h", types: ["*"] }, "url"],
    ["a loopback URL while private URLs are refused", { url: "http://127.0.0.1:8080/h", types: ["*"] }, "url"],
    ["a private network URL", { url: "http://192.168.10.20/h", types: ["*"] }, "url"],
    ["no types", { url: "https://example.com/h", types: [] }, "types"],
    ["a malformed type", { url: "https://example.com/h", types: ["stock changed"] }, "types.0"],
    ["types missing", { url: "https://example.com/h" }, "types"],
  ];
  for (const [name, body, field] of cases) {
    it(`answers 422 naming ${field} for ${name}, and creates nothing`, async () => {
      const answer = await callRoute(webhooksRoute.POST as never, { method: "POST", path: "/api/v1/webhooks", key: adminKey, body });
      expect(answer.status).toBe(422);
      expect(answer.contentType).toBe("application/problem+json");
      expect(answer.json.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await db.webhookEndpoint.count()).toBe(0);
    });
  }
});

describe("an admin managing a webhook", () => {
  it("allows private URLs, creates with the secret shown once, lists, patches, shows deliveries, redelivers, deletes", async () => {
    const allowed = await callRoute(settingsRoute.PATCH as never, {
      method: "PATCH",
      path: "/api/v1/settings",
      key: adminKey,
      body: { allowPrivateUrls: true },
    });
    expect(allowed).toMatchObject({ status: 200, json: { allowPrivateUrls: true } });

    const post = () =>
      callRoute(webhooksRoute.POST as never, {
        method: "POST",
        path: "/api/v1/webhooks",
        key: adminKey,
        body: createBody(receiver.url),
        headers: { "idempotency-key": "make-erp-hook" },
      });
    const created = await post();
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ url: receiver.url, types: ["stock.changed"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const replay = await post();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toMatchObject({ id: created.json.id, secret: null, secretsShownOnce: expect.any(String) });
    expect(await db.webhookEndpoint.count()).toBe(1);

    const id = created.json.id as string;
    const listed = await callRoute(webhooksRoute.GET as never, { path: "/api/v1/webhooks", key: adminKey });
    expect(listed.json.data).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(created.json.secret);

    const patched = await callRoute(webhookRoute.PATCH as never, {
      method: "PATCH",
      path: `/api/v1/webhooks/${id}`,
      key: adminKey,
      params: { id },
      body: { types: ["stock.*", "order.*"] },
    });
    expect(patched).toMatchObject({ status: 200, json: { types: ["stock.*", "order.*"], description: "ERP" } });
    const badPatch = await callRoute(webhookRoute.PATCH as never, {
      method: "PATCH",
      path: `/api/v1/webhooks/${id}`,
      key: adminKey,
      params: { id },
      body: { url: "mailto:ops@example.com" },
    });
    expect(badPatch.status).toBe(422);
    expect(badPatch.json.errors[0].field).toBe("url");

    receiver.verifyWith(created.json.secret);
    await appendEvents(db, [
      { type: "stock.changed", subject: "stock:API" },
      { type: "order.created", subject: "order:API" },
    ]);
    const deliveriesPath = `/api/v1/webhooks/${id}/deliveries`;
    const pending = await callRoute(deliveriesRoute.GET as never, { path: `${deliveriesPath}?limit=1`, key: adminKey, params: { id } });
    expect(pending.status).toBe(200);
    expect(pending.json.data).toEqual([expect.objectContaining({ eventType: "order.created", status: "pending", attempts: 0 })]);
    expect(pending.json.next).toEqual(expect.any(String));
    const redeliverPath = (deliveryId: string) => `${deliveriesPath}/${deliveryId}/redeliver`;
    const tooSoon = await callRoute(redeliverRoute.POST as never, {
      method: "POST",
      path: redeliverPath(pending.json.data[0].id),
      key: adminKey,
      params: { id, deliveryId: pending.json.data[0].id },
    });
    expect(tooSoon).toMatchObject({ status: 409, json: { code: "delivery_pending" } });

    await deliverDueWebhooks(db, { now: () => new Date(Date.now() + 1_000) });
    expect(receiver.delivered().every((r) => r.verified)).toBe(true);
    const log = await callRoute(deliveriesRoute.GET as never, { path: deliveriesPath, key: adminKey, params: { id } });
    expect(
      log.json.data.map((d: { eventType: string; status: string; responseStatus: number }) => [d.eventType, d.status, d.responseStatus]),
    ).toEqual([
      ["order.created", "delivered", 200],
      ["stock.changed", "delivered", 200],
    ]);
    const again = await callRoute(redeliverRoute.POST as never, {
      method: "POST",
      path: redeliverPath(log.json.data[1].id),
      key: adminKey,
      params: { id, deliveryId: log.json.data[1].id },
    });
    expect(again).toMatchObject({ status: 200, json: { status: "pending", attempts: 0 } });

    const removed = await callRoute(webhookRoute.DELETE as never, {
      method: "DELETE",
      path: `/api/v1/webhooks/${id}`,
      key: adminKey,
      params: { id },
    });
    expect(removed.status).toBe(200);
    const gone = await callRoute(webhookRoute.GET as never, { path: `/api/v1/webhooks/${id}`, key: adminKey, params: { id } });
    expect(gone).toMatchObject({ status: 404, json: { code: "not_found" } });
    expect(await db.webhookDelivery.count()).toBe(0);
  });
});
