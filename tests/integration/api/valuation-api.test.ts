// The valuation endpoints as a client sees them: exact decimals, occurredAt on the posting, GET of one movement
// with its valuation, closing a month (managers only) and what a closed month then refuses, site scope.
import { describe, expect, it } from "vitest";
import * as movementRoute from "../../../app/api/v1/movements/[id]/route";
import * as movementsRoute from "../../../app/api/v1/movements/route";
import * as periodsRoute from "../../../app/api/v1/valuation/periods/route";
import * as reconciliationRoute from "../../../app/api/v1/valuation/reconciliation/route";
import * as valuationRoute from "../../../app/api/v1/valuation/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();

async function receivedAtCost() {
  const w = await buildWarehouse(db);
  const clerk = await buildApiKey(db, "clerk", [w.site.code]);
  const received = await callRoute(movementsRoute.POST, {
    method: "POST",
    path: "/api/v1/movements",
    key: clerk.key,
    body: {
      kind: "receive",
      sku: w.items.plain.sku,
      quantity: 3,
      to: w.bins.a1.code,
      unitCost: "2.3333",
      reason: "received",
      occurredAt: "2026-01-10",
    },
  });
  return { w, clerk, received };
}

describe("valuation over the API", () => {
  it("answers a movement's valuation when posted and when read back, and the stock's value as of a date", async () => {
    const { w, clerk, received } = await receivedAtCost();
    expect(received.status).toBe(201);
    const movement = received.json.movement;
    expect(movement).toMatchObject({
      occurredAt: "2026-01-10T00:00:00.000Z",
      valuation: { method: "fifo", totalCost: "6.9999", unitCost: "2.3333" },
    });
    const read = await callRoute(movementRoute.GET, { path: `/api/v1/movements/${movement.id}`, key: clerk.key, params: { id: movement.id } });
    expect(read.status).toBe(200);
    expect(read.json.valuation).toEqual(movement.valuation);

    const viewer = await buildApiKey(db, "viewer");
    const before = await callRoute(valuationRoute.GET, { path: `/api/v1/valuation?asOf=2026-01-09&site=${w.site.code}`, key: viewer.key });
    expect(before.json).toMatchObject({ total: "0.0000", data: [] });
    const after = await callRoute(valuationRoute.GET, { path: `/api/v1/valuation?asOf=2026-01-10&site=${w.site.code}`, key: viewer.key });
    expect(after.json).toMatchObject({
      currency: "EUR",
      total: "6.9999",
      data: [{ sku: w.items.plain.sku, site: w.site.code, quantity: 3, value: "6.9999", method: "fifo" }],
    });
    // A second item, and pages of one line: the total and count stay those of every line.
    await callRoute(movementsRoute.POST, {
      method: "POST",
      path: "/api/v1/movements",
      key: clerk.key,
      body: {
        kind: "receive",
        sku: w.items.solvent.sku,
        quantity: 1,
        to: w.bins.cage.code,
        unitCost: "1.0001",
        reason: "received",
        occurredAt: "2026-01-10",
      },
    });
    const first = await callRoute(valuationRoute.GET, { path: `/api/v1/valuation?asOf=2026-01-10&site=${w.site.code}&limit=1`, key: viewer.key });
    expect(first.json).toMatchObject({ total: "8.0000", count: 2, data: [{ sku: w.items.plain.sku }] });
    const second = await callRoute(valuationRoute.GET, {
      path: `/api/v1/valuation?asOf=2026-01-10&site=${w.site.code}&limit=1&cursor=${encodeURIComponent(first.json.next)}`,
      key: viewer.key,
    });
    expect(second.json).toMatchObject({ total: "8.0000", count: 2, data: [{ sku: w.items.solvent.sku, value: "1.0001" }], next: null });
    const rec = await callRoute(reconciliationRoute.GET, {
      path: `/api/v1/valuation/reconciliation?from=2026-01-01&to=2026-01-31&site=${w.site.code}`,
      key: viewer.key,
    });
    expect(rec.json).toMatchObject({ opening: "0.0000", receipts: "8.0000", cogs: "0.0000", closing: "8.0000" });
  });

  it("refuses bad input with 422 naming the field, and another site's valuation with 403", async () => {
    const { w } = await receivedAtCost();
    const other = await buildWarehouse(db);
    const clerk = await buildApiKey(db, "manager", [other.site.code]);
    const bad = await callRoute(valuationRoute.GET, { path: "/api/v1/valuation?asOf=yesterday", key: clerk.key });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain("asOf");
    const backwards = await callRoute(reconciliationRoute.GET, {
      path: "/api/v1/valuation/reconciliation?from=2026-02-01&to=2026-01-01",
      key: clerk.key,
    });
    expect(backwards.status).toBe(422);
    const foreign = await callRoute(valuationRoute.GET, { path: `/api/v1/valuation?site=${w.site.code}`, key: clerk.key });
    expect(foreign.status).toBe(403);
    const mine = await callRoute(valuationRoute.GET, { path: "/api/v1/valuation", key: clerk.key });
    expect(mine.json.data.map((row: { site: string }) => row.site)).not.toContain(w.site.code);
  });

  it("lets a manager close a month (not a clerk), after which a posting dated into it is 422 on occurredAt", async () => {
    const { w, clerk } = await receivedAtCost();
    const refused = await callRoute(periodsRoute.POST, {
      method: "POST",
      path: "/api/v1/valuation/periods",
      key: clerk.key,
      body: { month: "2026-01" },
    });
    expect(refused.status).toBe(403);
    const manager = await buildApiKey(db, "manager");
    const notEnded = await callRoute(periodsRoute.POST, {
      method: "POST",
      path: "/api/v1/valuation/periods",
      key: manager.key,
      body: { month: "2099-01" },
    });
    expect(notEnded.status).toBe(422);
    const closed = await callRoute(periodsRoute.POST, {
      method: "POST",
      path: "/api/v1/valuation/periods",
      key: manager.key,
      body: { month: "2026-01" },
    });
    expect(closed.status).toBe(200);
    expect(closed.json.closedThrough).toBe("2026-01-31");
    const late = await callRoute(movementsRoute.POST, {
      method: "POST",
      path: "/api/v1/movements",
      key: clerk.key,
      body: { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received", occurredAt: "2026-01-31T12:00:00Z" },
    });
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.json)).toContain("occurredAt");
    const onHand = await db.stockLevel.findFirst({ where: { itemId: w.items.plain.id, locationId: w.bins.a1.id } });
    expect(onHand?.onHand).toBe(3);
    await db.closedPeriod.deleteMany({});
  });
});
