import { describe, expect, it } from "vitest";
import * as eventsRoute from "../../../app/api/v1/events/stream/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { revokeApiKey } from "../../../lib/api-keys/revoke-api-key";
import { updateUser } from "../../../lib/users/update-user";
import { buildApiKey, buildSite, buildUser, signInSession } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";

const db = getDb();

/** Reads the stream until an event naming `sku` arrives, or gives up after `ms`. */
async function waitForEvent(response: Response, sku: string, ms: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const deadline = Date.now() + ms;
  let text = "";
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
      const match = text.split("\n\n").find((block) => block.includes("event: stock.moved") && block.includes(sku));
      if (match)
        return JSON.parse(
          match
            .split("\n")
            .find((line) => line.startsWith("data: "))!
            .slice(6),
        );
    }
    return null;
  } finally {
    await reader.cancel();
  }
}

const noParams = { params: Promise.resolve({}) };

/** Reads the stream until the server ends it or `ms` pass: whether it ended, and what came before. */
async function readUntilEnded(response: Response, ms: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const deadline = Date.now() + ms;
  let text = "";
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk) break;
      if (chunk.done) return { ended: true, text };
      text += decoder.decode(chunk.value);
    }
    return { ended: false, text };
  } finally {
    await reader.cancel();
  }
}

describe("GET /api/v1/events/stream", () => {
  it("tells an open page within 2 seconds that stock moved at its site", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer");
    const controller = new AbortController();
    const response = await eventsRoute.GET(
      new Request("http://localhost/api/v1/events/stream", { headers: { authorization: `Bearer ${key}` }, signal: controller.signal }),
      noParams,
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    await new Promise((r) => setTimeout(r, 1_200)); // the feed has taken its starting point
    const started = Date.now();
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 2, to: w.bins.a1.code, reason: "received" });
    const event = await waitForEvent(response, w.items.plain.sku, 2_500);
    controller.abort();
    expect(event).toMatchObject({
      type: "stock.moved",
      siteId: w.site.id,
      skus: [w.items.plain.sku],
      locations: expect.arrayContaining([w.bins.a1.code]),
    });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("does not tell a key scoped to another site, and refuses anonymous callers", async () => {
    const w = await buildWarehouse(db);
    const other = await buildSite(db);
    const { key } = await buildApiKey(db, "clerk", [other.code]);
    const controller = new AbortController();
    const response = await eventsRoute.GET(
      new Request("http://localhost/api/v1/events/stream", { headers: { authorization: `Bearer ${key}` }, signal: controller.signal }),
      noParams,
    );
    await new Promise((r) => setTimeout(r, 1_200));
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
    expect(await waitForEvent(response, w.items.plain.sku, 2_000)).toBeNull();
    controller.abort();
    expect((await eventsRoute.GET(new Request("http://localhost/api/v1/events/stream"), noParams)).status).toBe(401);
  });

  it("ends the stream at the next heartbeat once the key is revoked", async () => {
    process.env.STOCKROOM_EVENTS_HEARTBEAT_MS = "100";
    try {
      const created = await buildApiKey(db, "viewer");
      const response = await eventsRoute.GET(
        new Request("http://localhost/api/v1/events/stream", { headers: { authorization: `Bearer ${created.key}` } }),
        noParams,
      );
      expect(response.status).toBe(200);
      await revokeApiKey(db, SYSTEM_ACTOR, created.id);
      const reader = response.body!.getReader();
      const ended = await Promise.race([
        (async () => {
          for (;;) if ((await reader.read()).done) return true;
        })(),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 3_000)),
      ]);
      expect(ended).toBe(true);
    } finally {
      delete process.env.STOCKROOM_EVENTS_HEARTBEAT_MS;
    }
  });

  it("ends the feed of a person deactivated while it is open, before telling them anything more", async () => {
    const w = await buildWarehouse(db);
    const admin = await buildUser(db, "admin");
    const viewer = await buildUser(db, "viewer");
    const { cookie } = await signInSession(db, viewer);
    const controller = new AbortController();
    const response = await eventsRoute.GET(
      new Request("http://localhost/api/v1/events/stream", { headers: { cookie }, signal: controller.signal }),
      noParams,
    );
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_200)); // the feed has taken its starting point
    await updateUser(db, admin.actor, viewer.id, { active: false });
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
    const { ended, text } = await readUntilEnded(response, 2_500);
    controller.abort();
    expect(text).not.toContain(w.items.plain.sku);
    expect(ended).toBe(true);
  });
});
