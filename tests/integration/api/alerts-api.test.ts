// GET /api/v1/alerts and POST /api/v1/alerts/{id}/acknowledge through the route handlers: the caller's sites only,
// 422 naming a bad filter, 403 for a role that may not acknowledge, a replayed acknowledgement answers the first.
import { beforeAll, describe, expect, it } from "vitest";
import { buildApiKey } from "../../factories/access";
import { relayAll } from "../../factories/events";
import { buildWarehouse } from "../../factories/stock";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { afterEventsWritten } from "../../../lib/system/after-events-written";
import * as alertsRoute from "../../../app/api/v1/alerts/route";
import * as acknowledgeRoute from "../../../app/api/v1/alerts/[id]/acknowledge/route";
import { callRoute } from "./call-route";

const db = getDb();
let w: Awaited<ReturnType<typeof buildWarehouse>>;
let other: Awaited<ReturnType<typeof buildWarehouse>>;

beforeAll(async () => {
  w = await buildWarehouse(db);
  other = await buildWarehouse(db);
  for (const site of [w, other]) {
    await db.stockThreshold.create({ data: { itemId: site.items.plain.id, siteId: site.site.id, reorderPoint: 5, updatedBy: "test" } });
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: site.items.plain.sku, quantity: 2, to: site.bins.a1.code, reason: "received" });
  }
  await relayAll(db, afterEventsWritten);
});

const list = (key: string, query = "") => callRoute(alertsRoute.GET as never, { path: `/api/v1/alerts${query}`, key });
const acknowledge = (key: string, id: string, body: unknown, idempotencyKey: string) =>
  callRoute(acknowledgeRoute.POST as never, {
    method: "POST",
    path: `/api/v1/alerts/${id}/acknowledge`,
    key,
    body,
    params: { id },
    headers: { "idempotency-key": idempotencyKey },
  });

describe("alerts over the API", () => {
  it("lists the active alerts of the key's sites only, filtered by kind and SKU", async () => {
    const { key } = await buildApiKey(db, "viewer", [w.site.code]);
    const answer = await list(key, `?kind=low_stock&sku=${w.items.plain.sku}`);
    expect(answer.status).toBe(200);
    expect(answer.json.data).toMatchObject([
      { kind: "low_stock", sku: w.items.plain.sku, site: w.site.code, state: "open", detail: { available: 2, reorderPoint: 5 } },
    ]);
    expect((await list(key, `?sku=${other.items.plain.sku}`)).json.data).toEqual([]);
  });

  it("answers 422 naming the field for an unknown kind or state", async () => {
    const { key } = await buildApiKey(db, "viewer");
    const answer = await list(key, "?kind=on_fire");
    expect(answer.status).toBe(422);
    expect(answer.json.errors.map((e: { field: string }) => e.field)).toContain("kind");
    expect((await list(key, "?state=sleeping")).status).toBe(422);
  });

  it("acknowledges with a note; a replay answers the first; a viewer is refused; another site's alert is 404", async () => {
    const viewer = await buildApiKey(db, "viewer");
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const [mine] = (await list(clerk.key, "?kind=low_stock")).json.data;
    const [theirs] = (await list(viewer.key, `?kind=low_stock&site=${other.site.code}`)).json.data;

    expect((await acknowledge(viewer.key, mine.id, {}, "ack-viewer")).status).toBe(403);
    expect((await acknowledge(clerk.key, theirs.id, {}, "ack-theirs")).status).toBe(404);
    expect((await acknowledge(clerk.key, mine.id, { note: "x".repeat(501) }, "ack-long")).status).toBe(422);

    const first = await acknowledge(clerk.key, mine.id, { note: "Reordered" }, "ack-1");
    expect(first).toMatchObject({ status: 200, json: { state: "acknowledged", acknowledgeNote: "Reordered", acknowledgedBy: clerk.actor.label } });
    const replay = await acknowledge(clerk.key, mine.id, { note: "Reordered" }, "ack-1");
    expect(replay.json).toMatchObject({ state: "acknowledged", replayed: true });
    expect(await db.auditEntry.count({ where: { action: "alert.acknowledge", entityId: mine.id } })).toBe(1);
  });
});
