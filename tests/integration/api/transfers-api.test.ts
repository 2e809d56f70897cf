// The transfer routes as a client sees them: statuses, shapes, problem JSON, Idempotency-Key replays.
// (An API contract test: it belongs in tests/integration/api/, and sits here only until this change may add files there.)
import { describe, expect, it } from "vitest";
import { buildApiKey } from "../../factories/access";
import { callRoute } from "./call-route";
import { getDb } from "../../../lib/db/client";
import { buildTwoSites } from "../../factories/transfers";
import * as approveRoute from "../../../app/api/v1/transfers/[id]/approve/route";
import * as cancelRoute from "../../../app/api/v1/transfers/[id]/cancel/route";
import * as receiveRoute from "../../../app/api/v1/transfers/[id]/receive/route";
import * as transferRoute from "../../../app/api/v1/transfers/[id]/route";
import * as shipRoute from "../../../app/api/v1/transfers/[id]/ship/route";
import * as transfersRoute from "../../../app/api/v1/transfers/route";

const db = getDb();

describe("/api/v1/transfers", () => {
  it("drafts, ships, receives and closes a transfer through the routes, with the documented shapes", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const sender = await buildApiKey(db, "clerk", [source.site.code]);
    const receiver = await buildApiKey(db, "clerk", [destination.site.code]);
    const action = (route: { POST: unknown }, name: string, key: string, id: string, body?: unknown, headers: Record<string, string> = {}) =>
      callRoute(route.POST as never, { method: "POST", path: `/api/v1/transfers/${id}/${name}`, key, body, headers, params: { id } });

    const created = await callRoute(transfersRoute.POST, {
      method: "POST",
      path: "/api/v1/transfers",
      key: sender.key,
      body: { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 3 }], reference: "TR-API" },
    });
    expect(created).toMatchObject({ status: 201, json: { status: "draft", lines: [{ sku: items.plain.sku, quantity: 3 }], needsApproval: false } });
    const id = created.json.id as string;

    const bad = await callRoute(transfersRoute.POST, {
      method: "POST",
      path: "/api/v1/transfers",
      key: sender.key,
      body: { from: source.site.code, to: destination.site.code, lines: [{ sku: "", quantity: -1 }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.contentType).toBe("application/problem+json");

    expect((await action(shipRoute, "ship", receiver.key, id)).status).toBe(403);
    const key = { "idempotency-key": `ship-${id}` };
    const shipped = await action(shipRoute, "ship", sender.key, id, {}, key);
    expect(shipped).toMatchObject({
      status: 200,
      json: { status: "shipped", steps: [{ step: "created" }, { step: "shipped", movements: [{ kind: "transfer_ship", quantity: 3 }] }] },
    });
    const replay = await action(shipRoute, "ship", sender.key, id, {}, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const again = await action(shipRoute, "ship", sender.key, id, {});
    expect(again).toMatchObject({ status: 409, json: { code: "transfer_wrong_status" } });
    expect((await action(cancelRoute, "cancel", sender.key, id)).status).toBe(409);
    expect((await action(approveRoute, "approve", sender.key, id)).status).toBe(403); // clerks do not approve

    const received = await action(receiveRoute, "receive", receiver.key, id, {
      lines: [{ sku: items.plain.sku, quantity: 2, to: destination.bins.a1.code }],
      close: true,
    });
    expect(received).toMatchObject({ status: 200, json: { status: "closed", discrepancies: [{ kind: "short", quantity: 1 }] } });

    const fetched = await callRoute(transferRoute.GET, { path: `/api/v1/transfers/${id}`, key: receiver.key, params: { id } });
    expect(fetched.json).toMatchObject({ status: "closed", lines: [{ shipped: 3, received: 2, damaged: 0, short: 1, over: 0 }], value: "0.0000" });
    expect(fetched.json.steps.map((s: { step: string }) => s.step)).toEqual(["created", "shipped", "received", "closed"]);
    const listed = await callRoute(transfersRoute.GET, { path: `/api/v1/transfers?status=closed&site=${source.site.code}`, key: sender.key });
    expect(listed).toMatchObject({ status: 200, json: { data: [{ id, status: "closed" }] } });
    const outsider = await buildApiKey(db, "clerk", [(await buildTwoSites(db)).source.site.code]);
    expect((await callRoute(transferRoute.GET, { path: `/api/v1/transfers/${id}`, key: outsider.key, params: { id } })).status).toBe(403);
  });
});
