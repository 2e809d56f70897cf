// The ABC × XYZ report on four items' weekly sales (valued at their receipts' unit costs) worked out by hand, over the 4 weeks up to today (sales
// backdated into their weeks).
import { describe, expect, it } from "vitest";
import { backdatePosting } from "../../tests/factories/backdate";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { reverseMovement } from "../ledger/reverse-movement";
import { runReport } from "./run-report";

const db = getDb();
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * DAY); // weeks 0–3: days 0–6, 7–13, 14–20, 21–27
const inWeek = (week: number) => new Date(from.getTime() + week * 7 * DAY + 2 * DAY + 3_600_000);

describe("ABC × XYZ report", () => {
  it("ranks by consumption value, classes weekly demand by its coefficient of variation, and sets the count frequency", async () => {
    const w = await buildWarehouse(db);
    const items: { sku: string }[] = [];
    for (const unitCost of ["10", "5", "1", "1"]) {
      const item = await buildItem(db);
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity: 100, to: w.bins.a1.code, unitCost, reason: "received" });
      items.push(item);
    }
    const sell = async (sku: string, quantity: number, week: number) => {
      const sale = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity, from: w.bins.a1.code, reason: "sold" });
      await backdatePosting(db, sale.postingId, inWeek(week));
      return sale;
    };
    const weekly: number[][] = [
      [10, 10, 10, 10], // 40 × 10 = 400; CV 0 → X
      [0, 10, 0, 10], // 20 × 5 = 100; mean 5, sd 5 → CV 1.00 → Y
      [0, 0, 0, 20], // 20 × 1 = 20; mean 5, sd √75 → CV 1.73 → Z
      [3, 5, 4, 4], // 16 × 1 = 16; mean 4, sd √0.5 → CV 0.18 → X
    ];
    for (const [index, weeks] of weekly.entries()) {
      for (const [week, quantity] of weeks.entries()) if (quantity > 0) await sell(items[index].sku, quantity, week);
    }
    // A sale taken back in its own week changes nothing.
    const mistake = await sell(items[1].sku, 5, 3);
    const reversal = await reverseMovement(db, SYSTEM_ACTOR, String(mistake.movements[0].id));
    await backdatePosting(db, reversal.postingId, inWeek(3));
    // What a customer sent back is not consumed: 4 of the first item's week 3 back, at its cost of 10.
    const returned = await postMovement(db, SYSTEM_ACTOR, { kind: "return", sku: items[0].sku, quantity: 4, to: w.bins.a1.code, reason: "returned" });
    await backdatePosting(db, returned.postingId, inWeek(3));

    const answer = await runReport(db, SYSTEM_ACTOR, "abc-xyz", { from: from.toISOString().slice(0, 10), to: today, site: w.site.code });
    // Value 496: before each item 0, 360, 460, 480 against 80% = 396.8 and 95% = 471.2 → A, A, B, C.
    // Each row's consumption value, exact to 4 places, and its share of the 496.
    const row = (index: number, value: number, rest: object) => ({
      sku: items[index].sku,
      name: expect.any(String),
      site: w.site.code,
      consumptionValue: `${value}.0000`,
      valueShare: expect.closeTo(value / 496, 9),
      ...rest,
    });
    expect(answer.data).toEqual([
      // Weeks 10, 10, 10, 6: mean 9, sd √3 → CV 0.19.
      row(0, 360, { abc: "A", xyz: "X", class: "AX", units: 36, weeklyCv: "0.19", countEveryDays: 30 }),
      row(1, 100, { abc: "A", xyz: "Y", class: "AY", units: 20, weeklyCv: "1.00", countEveryDays: 30 }),
      // Z counts as often as the class above it.
      row(2, 20, { abc: "B", xyz: "Z", class: "BZ", units: 20, weeklyCv: "1.73", countEveryDays: 30 }),
      row(3, 16, { abc: "C", xyz: "X", class: "CX", units: 16, weeklyCv: "0.18", countEveryDays: 180 }),
    ]);

    // Thresholds are the caller's: with A up to 70% (347.2) only the first is A, the second B, the third C (460 ≥ 446.4).
    const strict = await runReport(db, SYSTEM_ACTOR, "abc-xyz", {
      from: from.toISOString().slice(0, 10),
      to: today,
      site: w.site.code,
      a: "0.7",
      b: "0.9",
    });
    expect(strict.data.map((r) => r.class)).toEqual(["AX", "BY", "CZ", "CX"]);
  });
});
