import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import type { OrderStatus } from "../db/generated/client";
import { measureOnTime } from "./measure-on-time";

const db = getDb();
let sequence = 0;
// Wednesday of ISO week 2026-W50: W49 runs from Monday 30 November to Sunday 6 December.
const AS_OF = "2026-12-09";

/** An order made straight in the table: only what the figures read (status, site, promised and shipped days). */
async function order(siteId: string | null, status: OrderStatus, promised: string | null, shippedAt?: string) {
  await db.salesOrder.create({
    data: {
      reference: `OT-${sequence++}`,
      customerName: "Hand-made",
      siteId,
      status,
      promisedShipDate: promised ? new Date(`${promised}T00:00:00Z`) : null,
      shippedAt: shippedAt ? new Date(shippedAt) : null,
      createdByLabel: "test",
    },
  });
}

describe("on-time figures", () => {
  it("counts each order once in the week it was due; late when shipped after it or still not shipped once it passed", async () => {
    const { site } = await buildWarehouse(db);
    await order(site.id, "shipped", "2026-11-30", "2026-11-30T23:30:00Z"); // W49, shipped that very day: on time
    await order(site.id, "shipped", "2026-12-01", "2026-12-02T08:00:00Z"); // W49, a day late
    await order(site.id, "allocated", "2026-12-02"); // W49, never shipped: late in the week it was due
    await order(site.id, "cancelled", "2026-12-03"); // cancelled: not counted
    await order(site.id, "shipped", "2026-12-08", "2026-12-05T10:00:00Z"); // W50, shipped early: on time, counted in W50
    await order(site.id, "packed", AS_OF); // due today: not late yet, not counted
    await order(site.id, "allocated", "2026-12-11"); // not due yet: not counted
    await order(site.id, "shipped", null, "2026-12-01T10:00:00Z"); // no promise: not counted

    const figures = await measureOnTime(db, SYSTEM_ACTOR, { site: site.code }, { asOf: AS_OF });
    expect(figures.to).toBe(AS_OF);
    expect(figures.from).toBe("2026-09-21"); // the Monday twelve weeks back, counting this week
    expect(figures.data).toEqual([
      { site: site.code, week: "2026-W49", weekStart: "2026-11-30", due: 3, onTime: 1, late: 2, share: 1 / 3 },
      { site: site.code, week: "2026-W50", weekStart: "2026-12-07", due: 1, onTime: 1, late: 0, share: 1 },
    ]);

    // The range is on the promised date: up to Sunday of W49 leaves W50 out.
    const w49 = await measureOnTime(db, SYSTEM_ACTOR, { site: site.code, from: "2026-11-30", to: "2026-12-06" }, { asOf: AS_OF });
    expect(w49.data.map((w) => w.week)).toEqual(["2026-W49"]);
  });

  it("keeps sites apart, shows a clerk only the sites they work at, and names ISO weeks across the new year", async () => {
    const north = await buildWarehouse(db);
    const south = await buildWarehouse(db);
    await order(north.site.id, "shipped", "2027-01-01", "2026-12-31T12:00:00Z"); // Friday 1 January 2027 is in 2026-W53
    await order(south.site.id, "shipped", "2027-01-01", "2027-01-04T12:00:00Z");
    await order(south.site.id, "picked", "2027-01-04"); // Monday of 2027-W01, past due by the 6th

    const range = { from: "2026-12-28", to: "2027-01-10" };
    const all = await measureOnTime(db, SYSTEM_ACTOR, range, { asOf: "2027-01-06" });
    const ours = all.data.filter((w) => w.site === north.site.code || w.site === south.site.code);
    expect(ours).toEqual([
      { site: north.site.code, week: "2026-W53", weekStart: "2026-12-28", due: 1, onTime: 1, late: 0, share: 1 },
      { site: south.site.code, week: "2026-W53", weekStart: "2026-12-28", due: 1, onTime: 0, late: 1, share: 0 },
      { site: south.site.code, week: "2027-W01", weekStart: "2027-01-04", due: 1, onTime: 0, late: 1, share: 0 },
    ]);

    const clerk = await buildUser(db, "clerk", { sites: [north.site.code] });
    const seen = await measureOnTime(db, clerk.actor, range, { asOf: "2027-01-06" });
    expect(seen.data.map((w) => w.site)).toEqual([north.site.code]);
  });

  it("refuses a range that ends before it starts, naming `to`", async () => {
    await expect(measureOnTime(db, SYSTEM_ACTOR, { from: "2026-12-10", to: "2026-12-01" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["to"] })],
    });
  });
});
