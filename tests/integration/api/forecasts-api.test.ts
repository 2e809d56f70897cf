import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import * as forecastsRoute from "../../../app/api/v1/forecasts/route";
import { getDb } from "../../../lib/db/client";
import { ForecastAbandoned } from "../../../lib/forecast/errors";
import { forecastManyOffThread } from "../../../lib/forecast/forecast-thread";
import { buildApiKey } from "../../factories/access";
import { callRoute } from "./call-route";

const post = (body: unknown, key?: string) => callRoute(forecastsRoute.POST, { method: "POST", path: "/api/v1/forecasts", key, body });

const slowMover = [0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 2, 0, 0, 1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 1];
const steady = Array.from({ length: 36 }, (_, t) => 40 + 10 * Math.sin((2 * Math.PI * t) / 12) + (t % 5));

const fake = (name: string) => fileURLToPath(new URL(`../forecast-thread-fakes/${name}`, import.meta.url));

/** 120 monthly series of three years, each at its own level with a shared season: enough for the model across them. */
const manyMonthly = Array.from({ length: 120 }, (_, i) => ({
  id: `ITEM-${i}`,
  period: "month" as const,
  values: Array.from({ length: 36 }, (_, t) => Math.round((20 + i) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 12)) + ((t * 7 + i) % 5))),
}));

describe("POST /api/v1/forecasts", () => {
  it("learns across a call's many monthly series in a thread of its own, leaving the server's thread free", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    // A heartbeat every 10 ms: the longest gap between beats is the longest the event loop stood still.
    let lastBeat = performance.now();
    let longestGap = 0;
    const heartbeat = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - lastBeat);
      lastBeat = performance.now();
    }, 10);
    const started = performance.now();
    const res = await post({ horizon: 12, series: manyMonthly }, key);
    const took = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1)); // a beat overdue since the call runs before this timer
    clearInterval(heartbeat);
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(120);
    expect(res.json.data.every((d: { method: string }) => /^mean\(.+,global\)$/.test(d.method))).toBe(true);
    // In place, the event loop would stand still for the whole call; in the thread only for sending and reading it.
    expect(took).toBeGreaterThan(500);
    expect(longestGap).toBeLessThan(took / 2);
  });

  it("fails a call whose forecasting fails in the thread, without forecasting it again in place", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const call = forecastManyOffThread({ horizon: 12, series: manyMonthly }, { entry: fake("fails.mjs") });
    await expect(call).rejects.toThrow(/the forecast failed in the thread/);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it("runs large calls one thread at a time", async () => {
    const calls = [1, 2, 3].map(() => forecastManyOffThread({ horizon: 12, series: manyMonthly }, { entry: fake("timed.mjs") }));
    const spans = (await Promise.all(calls)) as unknown as { started: number; ended: number }[];
    spans.sort((a, b) => a.started - b.started);
    expect(spans[1].started).toBeGreaterThanOrEqual(spans[0].ended);
    expect(spans[2].started).toBeGreaterThanOrEqual(spans[1].ended);
  });

  it("stops the thread when the caller leaves, and the next call takes its turn", async () => {
    const leaving = new AbortController();
    const abandoned = forecastManyOffThread({ horizon: 12, series: manyMonthly }, { entry: fake("never-answers.mjs"), signal: leaving.signal });
    const next = forecastManyOffThread({ horizon: 12, series: manyMonthly }, { entry: fake("timed.mjs") });
    setTimeout(() => leaving.abort(), 100);
    await expect(abandoned).rejects.toBeInstanceOf(ForecastAbandoned);
    expect(await next).toHaveProperty("ended");
  });

  it("answers in place when the forecast thread cannot start", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await forecastManyOffThread({ horizon: 12, series: manyMonthly }, { entry: "/nonexistent/forecast-thread.mjs" });
    expect(answer.data).toHaveLength(120);
    expect(logged.mock.calls[0][0]).toMatch(/answering in the server's thread/);
    logged.mockRestore();
  });

  it("forecasts each series with its class, chosen method and intervals at the asked levels", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    const res = await post(
      {
        horizon: 6,
        series: [
          { id: "PART-1@WH1", period: "month", values: slowMover },
          { id: "DRILL@WH1", period: "month", values: [...steady.slice(0, 20), null, ...steady.slice(21)] },
        ],
      },
      key,
    );
    expect(res.status).toBe(200);
    expect(res.json.data.map((d: { id: string }) => d.id)).toEqual(["PART-1@WH1", "DRILL@WH1"]);
    const [part, drill] = res.json.data;
    expect(part.class).toBe("intermittent"); // a demand in 1 period of 3, sizes 1–4 (CV² 0.29)
    expect(drill.class).toBe("smooth");
    for (const d of res.json.data) {
      expect(d.forecast).toHaveLength(6);
      expect(typeof d.method).toBe("string");
      for (const level of ["80", "95"]) {
        expect(d.lower[level]).toHaveLength(6);
        d.lower[level].forEach((low: number, k: number) => {
          expect(low).toBeGreaterThanOrEqual(0);
          expect(low).toBeLessThanOrEqual(d.upper[level][k]);
        });
      }
      d.upper["80"].forEach((high: number, k: number) => expect(high).toBeLessThanOrEqual(d.upper["95"][k]));
    }
    expect(drill.forecast.every((f: number) => f > 20 && f < 70)).toBe(true);
  });

  it("answers intervals at the levels asked for", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    const res = await post({ horizon: 2, level: [50, 90], series: [{ id: "A", period: "week", values: [3, 4, 5, 4, 3, 4, 5, 6, 5, 4] }] }, key);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.data[0].lower).sort()).toEqual(["50", "90"]);
  });

  it("answers 422 naming every series that cannot be forecast and why", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    const res = await post(
      {
        horizon: 30,
        series: [
          { id: "NEG", period: "month", values: [1, 2, -3, 4] },
          { id: "SHORT", period: "day", values: [null, 1, null, 2] },
          { id: "FAR", period: "month", values: slowMover },
          { id: "FINE", period: "day", values: slowMover },
        ],
      },
      key,
    );
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const errors = res.json.errors as { field: string; message: string }[];
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ field: "series.0.values.2" });
    expect(errors[0].message).toMatch(/"NEG".*negative/);
    expect(errors[1].message).toMatch(/"SHORT".*too short/);
    expect(errors[2]).toMatchObject({ field: "horizon" });
    expect(errors[2].message).toMatch(/"FAR".*out of range/);
  });

  it("refuses a bad shape with 422, more than 5,000 series, and a call without a key with 401", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    expect((await post({ horizon: 0, series: [{ id: "A", period: "month", values: [1, 2, 3] }] }, key)).status).toBe(422);
    expect((await post({ horizon: 1, series: [{ id: "A", period: "year", values: [1, 2, 3] }] }, key)).status).toBe(422);
    const tooMany = Array.from({ length: 5_001 }, (_, i) => ({ id: `S${i}`, period: "month", values: [1, 2, 3] }));
    const res = await post({ horizon: 1, series: tooMany }, key);
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe("series");
    expect((await post({ horizon: 1, series: [{ id: "A", period: "month", values: [1, 2, 3] }] })).status).toBe(401);
  });
});
