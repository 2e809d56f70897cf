import { beforeAll, describe, expect, it } from "vitest";
import * as channelRoute from "../../app/api/v1/channels/[id]/route";
import * as channelsRoute from "../../app/api/v1/channels/route";
import { buildApiKey } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { updateInstallationSettings } from "../settings/installation-settings";
import { decryptSecret } from "./channel-secrets";

const db = getDb();

// The shop names in these tests do not resolve on a machine without internet; the address guard has its own test
// (channel-url-guard.int.test.ts), so these let every address through, as an on-premise install may.
beforeAll(() => updateInstallationSettings(db, SYSTEM_ACTOR, { allowPrivateUrls: true }));
let sequence = 0;

async function setup() {
  const w = await buildWarehouse(db);
  const manager = await buildApiKey(db, "manager");
  const clerk = await buildApiKey(db, "clerk", [w.site.code]);
  const body = {
    kind: "shopify",
    name: `shop-${Date.now().toString(36)}-${sequence++}`,
    baseUrl: "https://example.myshopify.com/",
    credentials: { accessToken: "shpat_secret_token" },
    webhookSecret: "whsec-shopify",
    sites: [w.site.code.toLowerCase()],
    buffer: { units: 2 },
    location: "gid://shopify/Location/1",
    skuMap: { [w.items.plain.sku]: "gid://shopify/InventoryItem/9" },
  };
  return { w, manager, clerk, body };
}

const create = (key: string, body: unknown) => callRoute(channelsRoute.POST as never, { method: "POST", path: "/api/v1/channels", key, body });

describe("channel API", () => {
  it("lets a manager connect a shop; the credentials are stored encrypted and never returned", async () => {
    const { w, manager, body } = await setup();
    const res = await create(manager.key, body);

    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      kind: "shopify",
      name: body.name,
      baseUrl: "https://example.myshopify.com",
      sites: [w.site.code],
      buffer: { units: 2, percent: 0 },
      mappedSkus: 1,
    });
    expect(JSON.stringify(res.json)).not.toContain("shpat_secret_token");
    expect(JSON.stringify(res.json)).not.toContain("whsec-shopify");
    const stored = await db.channel.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored.credentials).not.toContain("shpat_secret_token");
    expect(JSON.parse(decryptSecret(stored.credentials))).toEqual({ accessToken: "shpat_secret_token" });
    expect(await db.auditEntry.count({ where: { action: "channel.create", entityId: res.json.id } })).toBe(1);

    const got = await callRoute(channelRoute.GET as never, {
      path: `/api/v1/channels/${res.json.id}`,
      key: manager.key,
      params: { id: res.json.id },
    });
    expect(got.json).toEqual(res.json);
    const list = await callRoute(channelsRoute.GET as never, { path: "/api/v1/channels", key: manager.key });
    expect(list.json.data.map((c: { id: string }) => c.id)).toContain(res.json.id);
  });

  it("changes and deletes a channel, auditing each", async () => {
    const { manager, body } = await setup();
    const { json: created } = await create(manager.key, body);
    const patched = await callRoute(channelRoute.PATCH as never, {
      method: "PATCH",
      path: `/api/v1/channels/${created.id}`,
      key: manager.key,
      params: { id: created.id },
      body: { buffer: { percent: 10 }, active: false, credentials: { accessToken: "shpat_new" } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ active: false, buffer: { units: 2, percent: 10 } });
    expect(JSON.parse(decryptSecret((await db.channel.findUniqueOrThrow({ where: { id: created.id } })).credentials))).toEqual({
      accessToken: "shpat_new",
    });

    const deleted = await callRoute(channelRoute.DELETE as never, {
      method: "DELETE",
      path: `/api/v1/channels/${created.id}`,
      key: manager.key,
      params: { id: created.id },
    });
    expect(deleted.status).toBe(200);
    expect(await db.channel.count({ where: { id: created.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: created.id, action: { in: ["channel.update", "channel.delete"] } } })).toBe(2);
  });

  it("refuses a clerk with 403 and an address that is not http(s) with 422", async () => {
    const { manager, clerk, body } = await setup();
    const refused = await create(clerk.key, body);
    expect(refused.status).toBe(403);
    expect(await db.channel.count({ where: { name: body.name } })).toBe(0);
    const list = await callRoute(channelsRoute.GET as never, { path: "/api/v1/channels", key: clerk.key });
    expect(list.status).toBe(403);

    const ftp = await create(manager.key, { ...body, baseUrl: "ftp://example.com" });
    expect(ftp.status).toBe(422);
  });
});
