// GET /api/v1/orders/on-time as a client sees it: the documented shape, 422 naming the field, the key's site scope.
import { describe, expect, it } from "vitest";
import * as onTimeRoute from "../../../app/api/v1/orders/on-time/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe("/api/v1/orders/on-time", () => {
  it("answers each site's weeks to a key of that site, and 422 naming a malformed date", async () => {
    const here = await buildWarehouse(db);
    const there = await buildWarehouse(db);
    for (const site of [here.site, there.site]) {
      await db.salesOrder.create({
        data: {
          reference: `API-${site.code}`,
          customerName: "Ada",
          siteId: site.id,
          status: "allocated",
          promisedShipDate: new Date(`${yesterday()}T00:00:00Z`),
          createdByLabel: "test",
        },
      });
    }
    const key = await buildApiKey(db, "viewer", [here.site.code]);
    const answer = await callRoute(onTimeRoute.GET, { path: "/api/v1/orders/on-time", key: key.key });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual([expect.objectContaining({ site: here.site.code, due: 1, onTime: 0, late: 1, share: 0 })]);

    const bad = await callRoute(onTimeRoute.GET, { path: "/api/v1/orders/on-time?from=12%2F01%2F2026", key: key.key });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain("from");
  });
});
