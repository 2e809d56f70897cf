import { describe, expect, it } from "vitest";
import * as runRoute from "../../app/api/v1/reorder-points/recompute/[id]/route";
import * as startRoute from "../../app/api/v1/reorder-points/recompute/route";
import { buildApiKey } from "../../tests/factories/access";
import { backdatePosting } from "../../tests/factories/backdate";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { createDb, getDb } from "../db/client";
import { forecastItem } from "../forecast/forecast-item";
import { suggestReorderPoint } from "../forecast/reorder-point";
import { postMovement } from "../ledger/post-movement";
import { listThresholds } from "../thresholds/list-thresholds";
import { setThresholds } from "../thresholds/set-thresholds";
import { getRecompute } from "./get-recompute";
import { lastWeeklyStart, queueWeeklyRecompute } from "./queue-weekly-recompute";
import { runQueuedRecompute } from "./run-recompute";
import { startRecompute } from "./start-recompute";

const db = getDb();
const now = new Date("2026-11-30T12:00:00Z"); // a Monday: the weeks before it are whole
const weeksBefore = (n: number) => new Date(now.getTime() - n * 7 * 86_400_000);

/** Sells `weekly` units a week for twelve weeks from plenty of stock; the preferred supplier delivers in 14 days. */
async function sell(w: Awaited<ReturnType<typeof buildWarehouse>>, sku: string, itemId: string, weekly: number) {
  const supplier = await db.supplier.create({ data: { code: `S${Date.now().toString(36)}${sku.slice(-3)}`, name: "Supplier" } });
  await db.itemSupplier.create({ data: { itemId, supplierId: supplier.id, leadTimeDays: 14, preferred: true } });
  const receipt = await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 1_000, to: w.bins.a1.code, reason: "received" });
  await backdatePosting(db, receipt.postingId, new Date(weeksBefore(12).getTime() - 3_600_000));
  for (let week = 12; week >= 1; week--) {
    const sale = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity: weekly, from: w.bins.a1.code, reason: "sold" });
    await backdatePosting(db, sale.postingId, weeksBefore(week));
  }
}

/** Runs queued runs to the end, as the background job would (its `now` the test's, for whole weeks). */
async function drain() {
  while (await runQueuedRecompute(db, { now })) {
    /* the next queued run */
  }
}

describe("recomputing reorder points", () => {
  it("writes the forecast's reorder points, leaves a hand-set one, and counts its progress to the total", async () => {
    const w = await buildWarehouse(db);
    await sell(w, w.items.plain.sku, w.items.plain.id, 10);
    const { sku: otherSku } = await buildItem(db, { sku: `${w.items.plain.sku}-2` });
    const other = await db.item.findUniqueOrThrow({ where: { skuKey: otherSku.toLowerCase() } });
    await sell(w, other.sku, other.id, 5);
    await setThresholds(db, SYSTEM_ACTOR, other.sku, { site: w.site.code, reorderPoint: 99 }); // by hand
    await setThresholds(db, SYSTEM_ACTOR, w.items.plain.sku, { site: w.site.code, max: 500 });

    const run = await startRecompute(db, SYSTEM_ACTOR, { site: w.site.code });
    expect(run).toMatchObject({ status: "queued", started: true, filter: { site: w.site.code } });
    await drain();
    const finished = await getRecompute(db, SYSTEM_ACTOR, run.id);
    expect(finished).toMatchObject({ status: "done", total: 2, done: 2, applied: 1, skipped: 1, error: null });
    expect(finished.finishedAt! >= finished.startedAt!).toBe(true);

    // Ten a week over a 14-day lead time with a perfect holdout: 20, as lib/forecast/reorder-point.ts computes.
    const expected = suggestReorderPoint({ forecast: [10, 10], errorPerPeriod: 0, leadTimeDays: 14, periodDays: 7, abcClass: "A" });
    const forecast = await forecastItem(db, SYSTEM_ACTOR, { sku: w.items.plain.sku, site: w.site.code, period: "week", horizon: 12, now });
    expect(forecast.reorder!.reorderPoint).toBe(expected.reorderPoint);
    const plain = (await listThresholds(db, SYSTEM_ACTOR, w.items.plain.sku)).data.find((s) => s.site === w.site.code)!;
    expect(plain).toMatchObject({ reorderPoint: 20, safetyStock: Math.ceil(forecast.reorder!.safetyStock), max: 500 });
    const handSet = (await listThresholds(db, SYSTEM_ACTOR, other.sku)).data.find((s) => s.site === w.site.code)!;
    expect(handSet.reorderPoint).toBe(99);

    // A second run replaces what the forecast wrote (the suggestion is the same), still not the hand-set one.
    await startRecompute(db, SYSTEM_ACTOR, { site: w.site.code, skuPrefix: w.items.plain.sku });
    await drain();
    expect((await db.reorderPointRun.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).applied).toBe(1);
  });

  it("makes one run of two starts at once, and one process works it", async () => {
    const w = await buildWarehouse(db);
    await sell(w, w.items.plain.sku, w.items.plain.id, 10);
    const starts = await Promise.all([
      startRecompute(db, SYSTEM_ACTOR, { site: w.site.code }),
      startRecompute(db, SYSTEM_ACTOR, { site: w.site.code }),
    ]);
    expect(starts[0].id).toBe(starts[1].id);
    expect(starts.filter((s) => s.started)).toHaveLength(1);
    const secondProcess = createDb(process.env.DATABASE_URL!);
    try {
      const worked = await Promise.all([runQueuedRecompute(db, { now }), runQueuedRecompute(secondProcess, { now })]);
      expect(worked.filter(Boolean)).toEqual([starts[0].id]);
    } finally {
      await secondProcess.$disconnect();
    }
    expect(await getRecompute(db, SYSTEM_ACTOR, starts[0].id)).toMatchObject({ status: "done", total: 1, done: 1, applied: 1 });
  });

  it("queues the weekly run once in the day after Sunday 02:00 UTC, and not mid-week", async () => {
    expect(lastWeeklyStart(new Date("2026-12-02T10:00:00Z")).toISOString()).toBe("2026-11-29T02:00:00.000Z");
    expect(lastWeeklyStart(new Date("2026-11-29T01:00:00Z")).toISOString()).toBe("2026-11-22T02:00:00.000Z");
    expect(await queueWeeklyRecompute(db, new Date("2026-12-02T10:00:00Z"))).toBe(false);
    const sunday = new Date("2026-12-06T03:00:00Z");
    const queued = await Promise.all([queueWeeklyRecompute(db, sunday), queueWeeklyRecompute(db, sunday)]);
    expect(queued.filter(Boolean)).toHaveLength(1);
    await drain();
    expect(await queueWeeklyRecompute(db, new Date("2026-12-06T20:00:00Z"))).toBe(false);
  });
});

describe("POST and GET /api/v1/reorder-points/recompute", () => {
  it("answers 202 with the run, which reaches its total; 403 for a clerk, 422 for a scoped manager naming no site", async () => {
    const w = await buildWarehouse(db);
    const { key: admin } = await buildApiKey(db, "admin");
    const { key: clerk } = await buildApiKey(db, "clerk", [w.site.code]);
    const { key: scoped } = await buildApiKey(db, "manager", [w.site.code]);
    const post = (key: string, body: unknown) => callRoute(startRoute.POST, { method: "POST", path: "/api/v1/reorder-points/recompute", key, body });
    expect((await post(clerk, { site: w.site.code })).status).toBe(403);
    expect((await post(scoped, {})).status).toBe(422); // a manager of some sites names one
    expect((await post(admin, { site: "NOWHERE" })).status).toBe(404);
    const started = await post(scoped, { site: w.site.code, skuPrefix: "NO-SUCH-PREFIX" });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: "queued", total: 0, started: true });
    const get = () =>
      callRoute(runRoute.GET, { path: `/api/v1/reorder-points/recompute/${started.json.id}`, key: clerk, params: { id: started.json.id } });
    await expect.poll(async () => (await get()).json.status, { timeout: 10_000 }).toBe("done");
    expect((await get()).json).toMatchObject({ total: 0, done: 0, applied: 0, skipped: 0 });
    expect((await callRoute(runRoute.GET, { path: "/api/v1/reorder-points/recompute/x", key: admin, params: { id: "x" } })).status).toBe(404);
  });
});
