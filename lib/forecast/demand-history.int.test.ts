import { describe, expect, it } from "vitest";
import { backdatePosting } from "../../tests/factories/backdate";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { reverseMovement } from "../ledger/reverse-movement";
import { demandHistory, demandSeries } from "./demand-history";

const db = getDb();

const backdate = (postingId: string | null, at: Date) => backdatePosting(db, postingId, at);
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("demandHistory", () => {
  it("counts what left to customers per week, not transfers, counts or damage, less reversed issues", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    const post = async (iso: string, input: Parameters<typeof postMovement>[2]) => {
      const posted = await postMovement(db, SYSTEM_ACTOR, input);
      await backdate(posted.postingId, day(iso));
      return posted;
    };
    await post("2026-10-05", { kind: "receive", sku, quantity: 100, to: w.bins.a1.code, reason: "received" });
    await post("2026-10-06", { kind: "issue", sku, quantity: 7, from: w.bins.a1.code, reason: "sold" });
    await post("2026-10-07", { kind: "damage", sku, quantity: 2, from: w.bins.a1.code, reason: "damaged" });
    await post("2026-10-13", { kind: "issue", sku, quantity: 5, from: w.bins.a1.code, reason: "sold" });
    await post("2026-10-14", { kind: "move", sku, quantity: 10, from: w.bins.a1.code, to: w.bins.a2.code, reason: "putaway" });
    await post("2026-10-15", { kind: "count", sku, quantity: 8, from: w.bins.a2.code, reason: "count" }); // 2 fewer than booked
    const mistaken = await post("2026-10-21", { kind: "issue", sku, quantity: 4, from: w.bins.a1.code, reason: "sold" });
    await post("2026-10-22", { kind: "issue", sku, quantity: 3, from: w.bins.a1.code, reason: "sold" });
    const reversal = await reverseMovement(db, SYSTEM_ACTOR, mistaken.movement!.id, { reason: "other" });
    await backdate(reversal.postingId, day("2026-10-22"));

    const weeks = await demandHistory(db, { itemId: w.items.plain.id, siteId: w.site.id, period: "week", now: day("2026-11-04") });
    expect(weeks.map((b) => [b.start, b.demand, b.stockout])).toEqual([
      ["2026-10-05", 7, false],
      ["2026-10-12", 5, false],
      ["2026-10-19", 3, false],
      ["2026-10-26", 0, false],
    ]);
  });

  it("marks the weeks the site was out of stock, and the series reads them as missing", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    const post = async (iso: string, input: Parameters<typeof postMovement>[2]) => {
      const posted = await postMovement(db, SYSTEM_ACTOR, input);
      await backdate(posted.postingId, day(iso));
    };
    await post("2026-10-05", { kind: "receive", sku, quantity: 6, to: w.bins.a1.code, reason: "received" });
    await post("2026-10-06", { kind: "issue", sku, quantity: 6, from: w.bins.a1.code, reason: "sold" }); // sold out on Tuesday
    await post("2026-10-19", { kind: "receive", sku, quantity: 9, to: w.bins.a1.code, reason: "received" });
    await post("2026-10-20", { kind: "issue", sku, quantity: 2, from: w.bins.a1.code, reason: "sold" });

    const weeks = await demandHistory(db, { itemId: w.items.plain.id, siteId: w.site.id, period: "week", now: day("2026-10-28") });
    expect(weeks.map((b) => [b.start, b.demand, b.stockout])).toEqual([
      ["2026-10-05", 6, true], // empty from Tuesday night on: five of seven days
      ["2026-10-12", 0, true], // nothing to sell: not a week without demand
      ["2026-10-19", 2, false],
    ]);
    expect(demandSeries(weeks)).toEqual([null, null, 2]);
  });
});
