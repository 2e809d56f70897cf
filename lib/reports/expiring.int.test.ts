// The expiring-stock report, as of a day in 2030 so that lots received today can be expired, near or far.
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { readEveryPage } from "../../tests/factories/report-pages";
import { expiringReport } from "./expiring";
import { runReport } from "./run-report";

const db = getDb();

describe("expiring stock report", () => {
  it("lists lots on hand expiring within the horizon of the last day, expired ones first, summed over their locations", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.lotted.sku;
    const receive = (to: string, quantity: number, lot: string, expiresAt: string, unitCost: string) =>
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received", lot, expiresAt, unitCost });
    // 20 units worth 4 + 2 + 10 + 27.9 = 43.90 at the site. Lots are not valued on their own: a lot's value is its
    // share of the site's, OLD 43.9 × 6 ÷ 20 = 13.17 and NEAR 43.9 × 5 ÷ 20 = 10.975.
    await receive(w.bins.a1.code, 4, "OLD", "2030-11-20", "1.00");
    await receive(w.bins.a2.code, 2, "OLD", "2030-11-20", "1.00");
    await receive(w.bins.a1.code, 5, "NEAR", "2030-12-15", "2.00");
    await receive(w.bins.a1.code, 9, "FAR", "2031-06-01", "3.10");

    const answer = await runReport(db, SYSTEM_ACTOR, "expiring", { to: "2030-12-01", site: w.site.code });
    expect(answer.data).toEqual([
      {
        site: w.site.code,
        sku,
        name: expect.any(String),
        lot: "OLD",
        expiresOn: "2030-11-20",
        daysLeft: -11,
        onHand: 6,
        locations: 2,
        value: "13.1700",
      },
      {
        site: w.site.code,
        sku,
        name: expect.any(String),
        lot: "NEAR",
        expiresOn: "2030-12-15",
        daysLeft: 14,
        onHand: 5,
        locations: 1,
        value: "10.9750",
      },
    ]);
    const wider = await runReport(db, SYSTEM_ACTOR, "expiring", { to: "2030-12-01", site: w.site.code, withinDays: "365" });
    expect(wider.data.map((row) => row.lot)).toEqual(["OLD", "NEAR", "FAR"]);
    const narrower = await runReport(db, SYSTEM_ACTOR, "expiring", { to: "2030-12-01", site: w.site.code, withinDays: "0" });
    expect(narrower.data.map((row) => row.lot)).toEqual(["OLD"]);
    // A lot at a time through the cursor, as the report streams: the same lines in the same order.
    const query = { to: "2030-12-01", site: w.site.code, withinDays: "365" };
    expect((await readEveryPage(db, SYSTEM_ACTOR, "expiring", query, 1)).flat()).toEqual(wider.data);
    expect(await expiringReport.streamed!.count(db, SYSTEM_ACTOR, expiringReport.filters.parse(query), [w.site.id])).toBe(3);
  });
});
