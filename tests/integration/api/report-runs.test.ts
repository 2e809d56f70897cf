// POST /api/v1/reports/{name}/runs → 202 queued; GET /api/v1/report-runs/{id} until done; its download is the
// direct CSV download; another caller gets 404, a clerk 403; a bad filter 422 naming it.
import { describe, expect, it } from "vitest";
import * as downloadRoute from "../../../app/api/v1/report-runs/[id]/download/route";
import * as runRoute from "../../../app/api/v1/report-runs/[id]/route";
import * as reportRoute from "../../../app/api/v1/reports/[name]/route";
import * as runsRoute from "../../../app/api/v1/reports/[name]/runs/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { buildApiKey, buildSite } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();

async function bytesOf(handler: typeof downloadRoute.GET, path: string, key: string, params: Record<string, string>) {
  const response = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, headers: response.headers, text: new TextDecoder().decode(await response.arrayBuffer()) };
}

describe("background report runs over HTTP", () => {
  it("answers 202 queued, then done with a download equal to the direct CSV, for the caller who asked only", async () => {
    const w = await buildWarehouse(db);
    for (let i = 1; i <= 5; i++)
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: i, to: w.bins.a1.code, reason: "received" });
    const [owner, other, clerk] = await Promise.all([buildApiKey(db, "manager"), buildApiKey(db, "viewer"), buildApiKey(db, "clerk", [w.site.code])]);

    const started = await callRoute(runsRoute.POST, {
      method: "POST",
      path: "/api/v1/reports/movements/runs",
      key: owner.key,
      params: { name: "movements" },
      body: { format: "csv", site: w.site.code },
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ id: expect.any(String), status: "queued", progress: 0 });
    const id = started.json.id as string;

    await expect
      .poll(async () => (await callRoute(runRoute.GET, { path: `/api/v1/report-runs/${id}`, key: owner.key, params: { id } })).json.status, {
        timeout: 15_000,
        interval: 200,
      })
      .toBe("done");
    const run = await callRoute(runRoute.GET, { path: `/api/v1/report-runs/${id}`, key: owner.key, params: { id } });
    expect(run.json).toMatchObject({
      id,
      name: "movements",
      status: "done",
      progress: 1,
      rows: 5,
      downloadUrl: `/api/v1/report-runs/${id}/download`,
    });

    const file = await bytesOf(downloadRoute.GET, run.json.downloadUrl, owner.key, { id });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="movements-\d{4}-\d{2}-\d{2}\.csv"$/);
    const direct = await bytesOf(reportRoute.GET, `/api/v1/reports/movements?site=${w.site.code}&format=csv`, owner.key, { name: "movements" });
    expect(file.text).toBe(direct.text);

    expect((await bytesOf(downloadRoute.GET, run.json.downloadUrl, other.key, { id })).status).toBe(404);
    expect((await callRoute(runRoute.GET, { path: `/api/v1/report-runs/${id}`, key: other.key, params: { id } })).status).toBe(404);
    expect((await bytesOf(downloadRoute.GET, run.json.downloadUrl, clerk.key, { id })).status).toBe(403);

    const bad = await callRoute(runsRoute.POST, {
      method: "POST",
      path: "/api/v1/reports/movements/runs",
      key: owner.key,
      params: { name: "movements" },
      body: { format: "csv", to: "12/31/2026" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: "to" })]);
    const noFormat = await callRoute(runsRoute.POST, {
      method: "POST",
      path: "/api/v1/reports/movements/runs",
      key: owner.key,
      params: { name: "movements" },
      body: {},
    });
    expect(noFormat.status).toBe(422);
    expect(noFormat.json.errors).toEqual([expect.objectContaining({ field: "format" })]);
    const byClerk = await callRoute(runsRoute.POST, {
      method: "POST",
      path: "/api/v1/reports/movements/runs",
      key: clerk.key,
      params: { name: "movements" },
      body: { format: "csv" },
    });
    expect(byClerk.status).toBe(403);
  });

  it("queues one run for a retried Idempotency-Key and answers the first answer; another body with the key is refused", async () => {
    const site = await buildSite(db);
    const [owner, clerk] = await Promise.all([buildApiKey(db, "manager"), buildApiKey(db, "clerk", [site.code])]);
    const start = (key: string, body: unknown, idempotencyKey: string) =>
      callRoute(runsRoute.POST, {
        method: "POST",
        path: "/api/v1/reports/stock-on-hand/runs",
        key,
        params: { name: "stock-on-hand" },
        body,
        headers: { "idempotency-key": idempotencyKey },
      });
    const runsOf = (requesterId: string) => db.reportRun.count({ where: { requesterId } });

    const [first, ...twins] = await Promise.all([1, 2, 3].map(() => start(owner.key, { format: "csv" }, "soh-once")));
    const answered = [first, ...twins].filter((r) => r.status === 202);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of answered) expect(r.json.id).toBe(answered[0].json.id);
    for (const r of [first, ...twins].filter((r) => r.status !== 202)) expect(r.status).toBe(409); // a twin still in flight
    expect(await runsOf(owner.actor.id)).toBe(1);

    const retry = await start(owner.key, { format: "csv" }, "soh-once");
    expect(retry.status).toBe(202);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.id).toBe(answered[0].json.id);
    expect(await runsOf(owner.actor.id)).toBe(1);

    const reused = await start(owner.key, { format: "xlsx" }, "soh-once");
    expect(reused.status).toBe(422);
    expect(reused.json.errors).toEqual([expect.objectContaining({ field: "Idempotency-Key" })]);
    expect(await runsOf(owner.actor.id)).toBe(1);

    const refused = await start(clerk.key, { format: "csv" }, "soh-once");
    expect(refused.status).toBe(403);
    expect(await runsOf(clerk.actor.id)).toBe(0);
  });
});
