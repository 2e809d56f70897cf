// GET /api/v1/dashboard as a client sees it: the hand-worked numbers as numbers, 403 for a clerk, 422 naming the
// field, and nothing of a site to a manager of another one.
import { describe, expect, it } from "vitest";
import * as dashboardRoute from "../../../app/api/v1/dashboard/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildUser, signInSession } from "../../factories/access";
import { buildDashboardData, daysAgo } from "../../factories/dashboard";
import { callRoute } from "./call-route";

const db = getDb();
const period = `from=${daysAgo(9)}&to=${daysAgo(0)}`;

describe("GET /api/v1/dashboard", () => {
  it("answers a manager the site's numbers, to the session of the page and to an API key alike", async () => {
    const { w, p } = await buildDashboardData(db);
    const manager = await buildUser(db, "manager", { sites: [w.site.code] });
    const { cookie } = await signInSession(db, manager);
    const path = `/api/v1/dashboard?${period}&site=${w.site.code.toLowerCase()}`;
    const answer = await callRoute(dashboardRoute.GET, { path, headers: { cookie } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      filters: { from: daysAgo(9), to: daysAgo(0), site: w.site.code },
      days: 10,
      turnover: {
        unitsIssued: 34,
        averageOnHand: 102.5,
        turns: 0.33,
        daysOfInventory: 30.1,
        cogs: "68.0000",
        averageValue: "212.0000",
        valueTurns: 0.32,
      },
      stockouts: { raised: 1, items: 1, open: 1 },
      fillRate: { orders: 3, ordersFilled: 1, unitsOrdered: 20, unitsFilled: 12, rate: 0.6 },
      deadStock: { dead: 2, slow: 0, deadUnits: 16 },
      shrinkage: { netUnits: 5 },
      expiring: { lots: 1, units: 6, value: "9.0000" },
      abcXyz: { items: 2 },
    });
    expect(answer.json.topMovers[0]).toEqual({ sku: p.sku, name: p.name, units: 30 });
    expect(answer.json.onHand.at(-1)).toEqual({ day: daysAgo(0), units: 81 });
    expect(answer.json.inventoryValue.at(-1)).toEqual({ day: daysAgo(0), value: "169.0000" });

    const key = await buildApiKey(db, "admin");
    const byKey = await callRoute(dashboardRoute.GET, { path, key: key.key });
    expect(byKey.json.fillRate).toEqual(answer.json.fillRate);
  });

  it("refuses a clerk (403) and names a malformed date (422)", async () => {
    const { w } = await buildDashboardData(db);
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const refused = await callRoute(dashboardRoute.GET, { path: `/api/v1/dashboard?site=${w.site.code}`, key: clerk.key });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain("application/problem+json");

    const manager = await buildApiKey(db, "manager", [w.site.code]);
    const bad = await callRoute(dashboardRoute.GET, { path: "/api/v1/dashboard?from=12%2F01%2F2026", key: manager.key });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain("from");
  });

  it("shows a manager of another site nothing of this one: 403 when asked for it, none of its numbers otherwise", async () => {
    const { w, elsewhere, p } = await buildDashboardData(db);
    const other = await buildApiKey(db, "manager", [elsewhere.site.code]);
    const asked = await callRoute(dashboardRoute.GET, { path: `/api/v1/dashboard?${period}&site=${w.site.code}`, key: other.key });
    expect(asked.status).toBe(403);
    const own = await callRoute(dashboardRoute.GET, { path: `/api/v1/dashboard?${period}`, key: other.key });
    expect(own.status).toBe(200);
    expect(own.json.turnover.unitsIssued).toBe(3);
    expect(own.json.fillRate).toMatchObject({ orders: 0, rate: null });
    expect(own.json.stockouts.raised).toBe(0);
    expect(own.json.deadStock.dead).toBe(0);
    expect(own.json.expiring.lots).toBe(0);
    expect(JSON.stringify(own.json)).not.toContain(p.sku);
    expect(JSON.stringify(own.json)).not.toContain(w.site.code);
  });
});
