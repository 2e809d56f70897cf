import { describe, expect, it } from "vitest";
import { ValidationFailed } from "../domain-error";
import { emptyCostState, type CostState } from "./cost-state";
import { issue, receive, returnToStock, reverse } from "./movements";
import { changeMethod, changeStandardCost } from "./revaluation";

const layerValues = (state: CostState) => state.layers.filter((l) => l.quantity > 0).map((l) => [l.id, l.quantity, l.value]);

/** FIFO with P2 70 @ 12.50 (875.00) and P3 80 @ 13.20 (1,056.00) on hand: 150 units, 1,931.00. */
function fifoStock() {
  let state = receive(emptyCostState("fifo"), { layerId: "P2", quantity: 70, unitCost: "12.50", at: "2026-01-12" }).state;
  state = receive(state, { layerId: "P3", quantity: 80, unitCost: "13.20", at: "2026-01-25" }).state;
  return state;
}

describe("standard cost", () => {
  it("receives at standard and reports the purchase price variance", () => {
    // Standard 12.00. 10 @ 12.30: stock 120.00, variance 10 × 0.30 = +3.00 (paid more). 5 @ 11.90: stock 60.00,
    // variance 5 × −0.10 = −0.50. An issue of 12 costs 12 × 12.00 = 144.00, from the oldest layer first.
    let state = emptyCostState("standard", "12.00");
    const first = receive(state, { layerId: "A", quantity: 10, unitCost: "12.30", at: "2026-01-01" });
    expect(first.valuation).toMatchObject({ unitCost: "12.0000", totalCost: "120.0000", variance: "3.0000" });
    state = receive(first.state, { layerId: "B", quantity: 5, unitCost: "11.90", at: "2026-01-02" }).state;
    const sold = issue(state, { quantity: 12 });
    expect(sold.valuation.totalCost).toBe("144.0000");
    expect(layerValues(sold.state)).toEqual([["B", 3, "36.0000"]]);

    const undone = reverse(first.state, first.valuation);
    expect(undone.valuation).toMatchObject({ valueChange: "-120.0000", variance: "-3.0000" });
    expect(undone.state.value).toBe("0.0000");
  });

  it("takes a return without a given cost at standard, even with nothing on hand", () => {
    const returned = returnToStock(emptyCostState("standard", "4.25"), { layerId: "R", quantity: 2, at: "2026-01-01" });
    expect(returned.valuation).toMatchObject({ kind: "return", totalCost: "8.5000", variance: "0.0000" });
  });

  it("cannot do without a standard cost", () => {
    expect(() => emptyCostState("standard")).toThrow(ValidationFailed);
    expect(() => changeMethod(fifoStock(), { method: "standard", at: "2026-02-01" })).toThrow("needs a standard cost");
  });

  it("revalues by (new − old) × on hand when the standard cost changes", () => {
    // 150 units at 12.00 = 1,800.00; standard to 12.50: + 150 × 0.50 = +75.00 → 1,875.00.
    const atStandard = changeMethod(fifoStock(), { method: "standard", standardCost: "12.00", at: "2026-02-01" }).state;
    const changed = changeStandardCost(atStandard, { standardCost: "12.50", at: "2026-03-01" });
    expect(changed.revaluation).toEqual({
      at: "2026-03-01",
      amount: "75.0000",
      from: { method: "standard", standardCost: "12.0000" },
      to: { method: "standard", standardCost: "12.5000" },
    });
    expect(layerValues(changed.state)).toEqual([
      ["P2", 70, "875.0000"],
      ["P3", 80, "1000.0000"],
    ]);
    // Back to 12.00 revalues by exactly the opposite.
    expect(changeStandardCost(changed.state, { standardCost: "12.00", at: "2026-03-02" }).revaluation.amount).toBe("-75.0000");
  });

  it("only records a new standard cost while the method is another", () => {
    const changed = changeStandardCost(fifoStock(), { standardCost: "99.00", at: "2026-03-01" });
    expect(changed.revaluation.amount).toBe("0.0000");
    expect(changed.state).toMatchObject({ standardCost: "99.0000", value: "1931.0000" });
  });

  it("reverses an issue at today's standard, the difference from its original cost a variance", () => {
    // 10 in at standard 5.00; 4 issued (20.00); standard to 6.00 (+36.00 on 6); the reversal puts 4 back at 24.00
    // and books 20.00 − 24.00 = −4.00 variance, so cost of goods sold is credited the 20.00 it was charged.
    let state = receive(emptyCostState("standard", "5.00"), { layerId: "A", quantity: 10, unitCost: "5.00", at: "2026-01-01" }).state;
    const sold = issue(state, { quantity: 4 });
    state = changeStandardCost(sold.state, { standardCost: "6.00", at: "2026-01-05" }).state;
    const reversed = reverse(state, sold.valuation);
    expect(reversed.valuation).toMatchObject({ valueChange: "24.0000", variance: "-4.0000" });
    expect(reversed.state.value).toBe("60.0000");
  });
});

describe("a change of method", () => {
  it("from FIFO to standard revalues to quantity × standard", () => {
    // 1,931.00 at FIFO; 150 × 12.00 = 1,800.00 at standard: a revaluation of −131.00.
    const changed = changeMethod(fifoStock(), { method: "standard", standardCost: "12.00", at: "2026-02-01" });
    expect(changed.revaluation.amount).toBe("-131.0000");
    expect(changed.state).toMatchObject({ method: "standard", value: "1800.0000" });
  });

  it("from FIFO to average keeps the value and spreads it evenly over the layers", () => {
    // 1,931.00 × 70/150 = 901.1333…, × 80/150 = 1,029.8666…: the 0.0001 left goes to the larger remainder.
    const changed = changeMethod(fifoStock(), { method: "average", at: "2026-02-01" });
    expect(changed.revaluation.amount).toBe("0.0000");
    expect(layerValues(changed.state)).toEqual([
      ["P2", 70, "901.1333"],
      ["P3", 80, "1029.8667"],
    ]);
  });

  it("from standard to FIFO keeps each layer at the standard it was carried at, with its receipt date", () => {
    const atStandard = changeMethod(fifoStock(), { method: "standard", standardCost: "12.00", at: "2026-02-01" }).state;
    const changed = changeMethod(atStandard, { method: "fifo", at: "2026-03-01" });
    expect(changed.revaluation.amount).toBe("0.0000");
    expect(changed.state.layers.map((l) => [l.id, l.receivedAt, l.value])).toEqual([
      ["P2", "2026-01-12", "840.0000"],
      ["P3", "2026-01-25", "960.0000"],
    ]);
    // The next FIFO issue of 71 takes P2's 70 at 12.00 and one of P3 at 12.00.
    expect(issue(changed.state, { quantity: 71 }).valuation.totalCost).toBe("852.0000");
  });
});
