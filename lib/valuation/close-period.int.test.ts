// Closing a month: postings dated into it are refused from then on, and the value sums before its end are kept as
// a snapshot that later reads start from — which must answer exactly what summing the whole history answers.
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { buildUser } from "../../tests/factories/access";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { closePeriod, listClosedPeriods } from "./close-period";
import { valuationAsOf, valuationReconciliation } from "./valuation-reads";

const db = getDb();

describe("closing a month", () => {
  it("keeps its sums as a snapshot, and every read after it answers what the whole history answers", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    const post = (kind: "receive" | "issue" | "loss", quantity: number, occurredAt: string, unitCost?: string) =>
      postMovement(db, SYSTEM_ACTOR, {
        kind,
        sku,
        quantity,
        ...(kind === "receive" ? { to: w.bins.a1.code, unitCost } : { from: w.bins.a1.code }),
        reason: { receive: "received", issue: "sold", loss: "lost" }[kind],
        occurredAt,
      });
    await post("receive", 10, "2026-02-10", "3.00");
    await post("issue", 4, "2026-02-20");
    await post("receive", 5, "2026-03-05", "4.00");
    await post("loss", 1, "2026-03-31");
    await post("issue", 7, "2026-04-02");
    const dates = ["2026-02-15", "2026-02-28", "2026-03-31", "2026-04-01", "2026-04-02"];
    const read = async () => ({
      values: await Promise.all(dates.map(async (asOf) => (await valuationAsOf(db, SYSTEM_ACTOR, { asOf, site: w.site.code })).total)),
      march: await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-03-01", to: "2026-03-31", site: w.site.code }),
      april: await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-04-01", to: "2026-04-30", site: w.site.code }),
    });
    const before = await read();
    // 10 at 3.00 in (30), 4 out (12: 18 left); 5 at 4.00 in (38); one lost at 3.00 (35); 7 sold: the five left at
    // 3.00 and two at 4.00 (23: 12 left).
    expect(before.values).toEqual(["30.0000", "18.0000", "35.0000", "35.0000", "12.0000"]);

    const manager = await buildUser(db, "manager");
    const closed = await closePeriod(db, manager.actor, "2026-03");
    expect(closed.closedThrough).toBe("2026-03-31");
    const snapshots = await db.valueSnapshot.findMany({ where: { itemId: w.items.plain.id }, orderBy: { through: "asc" } });
    expect(snapshots.map((s) => [s.through.toISOString().slice(0, 10), Number(s.quantity), s.value.toFixed(4)])).toEqual([
      ["2026-03-01", 6, "18.0000"],
      ["2026-04-01", 10, "35.0000"],
    ]);
    expect(await read()).toEqual(before);

    const late = post("receive", 1, "2026-03-15", "1.00");
    await expect(late).rejects.toMatchObject({ issues: [{ field: "occurredAt" }] });
    expect((await listClosedPeriods(db, manager.actor)).months.map((m) => m.month)).toEqual(["2026-03"]);

    // Two managers close April at once: one waits for the other, and April's snapshot is taken once.
    const [one, two] = await Promise.all([closePeriod(db, manager.actor, "2026-04"), closePeriod(db, manager.actor, "2026-04")]);
    expect([one.closedThrough, two.closedThrough]).toEqual(["2026-04-30", "2026-04-30"]);
    const may = await db.valueSnapshot.findMany({ where: { itemId: w.items.plain.id, through: new Date("2026-05-01T00:00:00Z") } });
    expect(may.map((s) => [Number(s.quantity), s.value.toFixed(4)])).toEqual([[3, "12.0000"]]);
    expect(await read()).toEqual(before);
  });
});
