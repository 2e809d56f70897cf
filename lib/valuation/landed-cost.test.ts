import { describe, expect, it } from "vitest";
import { emptyCostState } from "./cost-state";
import { ReversalRefused, UnknownCostLayer } from "./errors";
import { addLandedCost, allocateLandedCost } from "./landed-cost";
import { issue, receive, reverse } from "./movements";

describe("a landed cost", () => {
  it("arriving after part of the goods left goes to stock for the units on hand and to COGS for the rest", () => {
    // 7 @ 2.00 = 14.00 (layer X); 2 sold (4.00). Freight of 1.00 for X: 5 of 7 units are on hand, so
    // round(1.00 × 5/7 = 0.714285…) = 0.7143 to stock, 0.2857 to COGS. X: 5 units worth 10.7143.
    // Then 2 sold: round(10.7143 × 2/5 = 4.28572) = 4.2857; the last 3 take 6.4286.
    // Out in all: 4.00 + 4.2857 + 6.4286 + 0.2857 to COGS = 15.0000 = 14.00 + 1.00.
    let state = receive(emptyCostState("fifo"), { layerId: "X", quantity: 7, unitCost: "2.00", at: "2026-01-01" }).state;
    state = issue(state, { quantity: 2 }).state;
    const landed = addLandedCost(state, { layerId: "X", amount: "1.00" });
    expect(landed.valuation).toMatchObject({ amount: "1.0000", toStock: "0.7143", toCogs: "0.2857", valueChange: "0.7143", layerQuantity: 5 });
    expect(landed.state.value).toBe("10.7143");
    const next = issue(landed.state, { quantity: 2 });
    expect(next.valuation.totalCost).toBe("4.2857");
    expect(issue(next.state, { quantity: 3 }).valuation.totalCost).toBe("6.4286");
  });

  it("all goes to COGS once the layer's units are gone, and to variance at standard cost", () => {
    let average = receive(emptyCostState("average"), { layerId: "A", quantity: 10, unitCost: "1.00", at: "2026-01-01" }).state;
    average = receive(average, { layerId: "B", quantity: 10, unitCost: "3.00", at: "2026-01-02" }).state;
    average = issue(average, { quantity: 10 }).state; // 20.00 at the average 2.00; A's units leave first
    expect(addLandedCost(average, { layerId: "A", amount: "5.00" }).valuation).toMatchObject({ toStock: "0.0000", toCogs: "5.0000" });
    const onB = addLandedCost(average, { layerId: "B", amount: "4.00" });
    expect(onB.valuation).toMatchObject({ toStock: "4.0000", toCogs: "0.0000" });
    expect(onB.state).toMatchObject({ quantity: 10, value: "24.0000" });

    const standard = receive(emptyCostState("standard", "2.00"), { layerId: "S", quantity: 5, unitCost: "2.00", at: "2026-01-01" }).state;
    const onS = addLandedCost(standard, { layerId: "S", amount: "1.50" });
    expect(onS.valuation).toMatchObject({ toStock: "0.0000", toCogs: "0.0000", variance: "1.5000" });
    expect(onS.state.value).toBe("10.0000");
  });

  it("is reversed exactly, and keeps its receipt from being reversed until it is", () => {
    let state = receive(emptyCostState("fifo"), { layerId: "X", quantity: 7, unitCost: "2.00", at: "2026-01-01" }).state;
    const received = receive(state, { layerId: "Y", quantity: 3, unitCost: "1.00", at: "2026-01-02" });
    state = issue(received.state, { quantity: 2 }).state;
    const landed = addLandedCost(state, { layerId: "X", amount: "1.00" });
    const undone = reverse(landed.state, landed.valuation);
    expect(undone.valuation).toMatchObject({ kind: "landed-cost", reversal: true, amount: "-1.0000", toStock: "-0.7143", toCogs: "-0.2857" });
    expect(undone.state).toEqual(state);

    const onY = addLandedCost(received.state, { layerId: "Y", amount: "0.30" });
    expect(() => reverse(onY.state, received.valuation)).toThrow(ReversalRefused);
    expect(() => reverse(onY.state, received.valuation)).toThrow("reverse them first");
  });

  it("refuses a layer that is not there", () => {
    expect(() => addLandedCost(emptyCostState("fifo"), { layerId: "nope", amount: "1" })).toThrow(UnknownCostLayer);
  });
});

describe("allocateLandedCost", () => {
  const lines = [
    { id: "a", quantity: 3, value: "30.00", weight: "2.5" },
    { id: "b", quantity: 3, value: "60.00", weight: "2.5" },
    { id: "c", quantity: 1, value: "10.00", weight: "2.0" },
  ];

  it("splits by value", () => {
    // 100.00 × 30/100, 60/100, 10/100.
    expect(allocateLandedCost("100.00", lines, "value").map((l) => l.amount)).toEqual(["30.0000", "60.0000", "10.0000"]);
  });

  it("splits by quantity, the unit left over to the larger remainder, then the earlier line", () => {
    // 100.00 × 3/7 = 42.857142… (twice), × 1/7 = 14.285714…: 42.8571 + 42.8571 + 14.2857 = 99.9999;
    // a and b tie on the larger remainder, a comes first: 42.8572, 42.8571, 14.2857.
    expect(allocateLandedCost("100.00", lines, "quantity")).toEqual([
      { id: "a", amount: "42.8572" },
      { id: "b", amount: "42.8571" },
      { id: "c", amount: "14.2857" },
    ]);
  });

  it("splits by weight", () => {
    // 100.00 × 2.5/7 = 35.714285… (twice), × 2/7 = 28.571428…: 99.9998 rounded down; a and b get one each.
    expect(allocateLandedCost("100.00", lines, "weight").map((l) => l.amount)).toEqual(["35.7143", "35.7143", "28.5714"]);
  });

  it("refuses a basis every line lacks", () => {
    expect(() => allocateLandedCost("1", [{ id: "a", quantity: 1, value: "0" }], "value")).toThrow("Every line's value is 0");
    expect(() => allocateLandedCost("1", [{ id: "a", quantity: 1, value: "1" }], "weight")).toThrow("Give each line's weight");
  });
});
