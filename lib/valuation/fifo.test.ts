import { describe, expect, it } from "vitest";
import { ValidationFailed } from "../domain-error";
import { emptyCostState, type CostState } from "./cost-state";
import { IssueExceedsStock, ReversalRefused } from "./errors";
import { issue, receive, returnToStock, reverse } from "./movements";
import { receiveTransfer, transferLayers } from "./transfer";

const layerSummary = (state: CostState) => state.layers.filter((l) => l.quantity > 0).map((l) => [l.id, l.quantity, l.value]);

/*
 * Perpetual FIFO, worked by hand (our own numbers):
 *
 *   date    movement                     units  cost                                 on hand
 *   Jan  1  opening balance (layer B)     100   100 × 10.00 = 1,000.00               B 100 @ 10.00 = 1,000.00
 *   Jan  5  purchase (P1)                 200   200 × 11.00 = 2,200.00               + P1 200 @ 11.00 → 3,200.00
 *   Jan  8  sale                          150   100 × 10.00 + 50 × 11.00 = 1,550.00  P1 150 @ 11.00 = 1,650.00
 *   Jan 12  purchase (P2)                 120   120 × 12.50 = 1,500.00               + P2 120 @ 12.50 → 3,150.00
 *   Jan 20  sale                          200   150 × 11.00 + 50 × 12.50 = 2,275.00  P2 70 @ 12.50 = 875.00
 *   Jan 25  purchase (P3)                  80    80 × 13.20 = 1,056.00               + P3 80 @ 13.20 → 1,931.00
 *   Jan 30  sale                          100    70 × 12.50 + 30 × 13.20 = 1,271.00  P3 50 @ 13.20 = 660.00
 *
 *   goods available 1,000 + 2,200 + 1,500 + 1,056 = 5,756.00 = COGS 1,550 + 2,275 + 1,271 (5,096.00) + ending 660.00
 */
function textbookSequence() {
  let state = emptyCostState("fifo");
  const step = <T extends { state: CostState }>(result: T) => ((state = result.state), result);
  step(receive(state, { layerId: "B", quantity: 100, unitCost: "10.00", at: "2026-01-01" }));
  step(receive(state, { layerId: "P1", quantity: 200, unitCost: "11.00", at: "2026-01-05" }));
  const sale1 = step(issue(state, { quantity: 150 })).valuation;
  step(receive(state, { layerId: "P2", quantity: 120, unitCost: "12.50", at: "2026-01-12" }));
  const sale2 = step(issue(state, { quantity: 200 })).valuation;
  step(receive(state, { layerId: "P3", quantity: 80, unitCost: "13.20", at: "2026-01-25" }));
  const beforeSale3 = state;
  const sale3 = step(issue(state, { quantity: 100 })).valuation;
  return { state, sale1, sale2, sale3, beforeSale3 };
}

describe("FIFO", () => {
  it("values the textbook sequence's sales oldest layer first and leaves the newest on hand", () => {
    const { state, sale1, sale2, sale3 } = textbookSequence();
    expect(sale1).toMatchObject({
      kind: "issue",
      method: "fifo",
      quantity: 150,
      totalCost: "1550.0000",
      unitCost: "10.3333",
      valueChange: "-1550.0000",
    });
    expect(sale1.consumed).toEqual([
      { layerId: "B", receivedAt: "2026-01-01", quantity: 100, cost: "1000.0000" },
      { layerId: "P1", receivedAt: "2026-01-05", quantity: 50, cost: "550.0000" },
    ]);
    expect(sale2.totalCost).toBe("2275.0000");
    expect(sale3.totalCost).toBe("1271.0000");
    expect(state).toMatchObject({ quantity: 50, value: "660.0000" });
    expect(layerSummary(state)).toEqual([["P3", 50, "660.0000"]]);
  });

  it("refuses an issue of more than is on hand, saying how many are", () => {
    const { state } = textbookSequence();
    expect(() => issue(state, { quantity: 51 })).toThrow(IssueExceedsStock);
    expect(() => issue(state, { quantity: 51 })).toThrow("only 50 are on hand");
  });

  it("takes a customer return back at the cost it left with, as the newest layer", () => {
    // 10 of the Jan 30 sale come back at 13.20 (the caller knows the cost they left with): R 10 @ 13.20 = 132.00.
    // The next sale of 55 takes P3's 50 (660.00) and 5 of R (66.00) = 726.00; 5 of R (66.00) stay.
    const { state } = textbookSequence();
    const returned = returnToStock(state, { layerId: "R", quantity: 10, unitCost: "13.20", at: "2026-02-02" });
    expect(returned.valuation).toMatchObject({ kind: "return", totalCost: "132.0000", valueChange: "132.0000", layerId: "R" });
    const sold = issue(returned.state, { quantity: 55 });
    expect(sold.valuation.totalCost).toBe("726.0000");
    expect(layerSummary(sold.state)).toEqual([["R", 5, "66.0000"]]);
  });

  it("values a return without a given cost at the current value per unit", () => {
    const { state } = textbookSequence(); // 50 units, 660.00: 13.20 each
    expect(returnToStock(state, { layerId: "R", quantity: 3, at: "2026-02-02" }).valuation.totalCost).toBe("39.6000");
    expect(() => returnToStock(emptyCostState("fifo"), { layerId: "R", quantity: 3, at: "2026-02-02" })).toThrow("give the cost");
  });

  it("reverses an issue into the very layers it took from, exactly", () => {
    const { state, sale3, beforeSale3 } = textbookSequence();
    const reversed = reverse(state, sale3);
    expect(reversed.valuation).toMatchObject({ kind: "reversal", reversed: "issue", totalCost: "1271.0000", valueChange: "1271.0000" });
    expect(reversed.valuation).not.toHaveProperty("cogsAdjustment");
    expect(reversed.state).toEqual(beforeSale3);
  });

  it("reverses a receipt whose units are all still on hand, and refuses once some have left", () => {
    const { state } = textbookSequence();
    const received = receive(state, { layerId: "P4", quantity: 10, unitCost: "14.00", at: "2026-02-01" });
    const undone = reverse(received.state, received.valuation);
    expect(undone.valuation).toMatchObject({ kind: "reversal", reversed: "receipt", totalCost: "140.0000", valueChange: "-140.0000" });
    expect(undone.state).toEqual(state);

    const soldSome = issue(received.state, { quantity: 55 }); // P3's 50 and 5 of P4
    expect(() => reverse(soldSome.state, received.valuation)).toThrow(ReversalRefused);
    expect(() => reverse(soldSome.state, received.valuation)).toThrow("5 of its 10 units have left stock");
  });

  it("refuses to reverse a reversal", () => {
    const { state, sale3 } = textbookSequence();
    const reversed = reverse(state, sale3);
    expect(() => reverse(reversed.state, reversed.valuation)).toThrow("cannot be reversed");
  });

  it("splits a layer whose value does not divide per unit, the last unit taking what is left", () => {
    // 3 units for 10.00 in all: 1 costs round(10 × 1/3) = 3.3333, then 1 of the 2 worth 6.6667 costs
    // round(3.33335) = 3.3334 (a half away from zero), the last takes the 3.3333 left: 10.0000 in all.
    let state = receive(emptyCostState("fifo"), { layerId: "A", quantity: 3, totalCost: "10.00", at: "2026-01-01" }).state;
    const costs = [1, 1, 1].map((quantity) => {
      const result = issue(state, { quantity });
      state = result.state;
      return result.valuation.totalCost;
    });
    expect(costs).toEqual(["3.3333", "3.3334", "3.3333"]);
    expect(state).toMatchObject({ quantity: 0, value: "0.0000" });
  });
});

describe("transfers between sites", () => {
  it("carry the consumed layers' costs and receipt dates to the receiving site", () => {
    // Source issues 150 (B 100 = 1,000.00, P1 50 = 550.00); the destination gets two layers with those costs and
    // dates, under the transfer's ids, and so 1,550.00 leaves one site and arrives at the other.
    let source = receive(emptyCostState("fifo"), { layerId: "B", quantity: 100, unitCost: "10.00", at: "2026-01-01" }).state;
    source = receive(source, { layerId: "P1", quantity: 200, unitCost: "11.00", at: "2026-01-05" }).state;
    const shipped = issue(source, { quantity: 150 });
    expect(transferLayers(shipped.valuation.consumed!, "T1")).toEqual([
      { layerId: "T1:B", quantity: 100, at: "2026-01-01", totalCost: "1000.0000" },
      { layerId: "T1:P1", quantity: 50, at: "2026-01-05", totalCost: "550.0000" },
    ]);
    const destination = receive(emptyCostState("fifo"), { layerId: "D1", quantity: 5, unitCost: "12.00", at: "2026-01-03" }).state;
    const arrived = receiveTransfer(destination, shipped.valuation.consumed!, "T1");
    expect(arrived.state.value).toBe("1610.0000");
    // FIFO by first receipt date at the destination too: the Jan 1 units go first.
    expect(arrived.state.layers.map((l) => [l.id, l.receivedAt])).toEqual([
      ["T1:B", "2026-01-01"],
      ["D1", "2026-01-03"],
      ["T1:P1", "2026-01-05"],
    ]);
    expect(arrived.valuations.map((v) => v.totalCost)).toEqual(["1000.0000", "550.0000"]);
  });
});

describe("bad input", () => {
  const state = receive(emptyCostState("fifo"), { layerId: "A", quantity: 1, unitCost: "1", at: "2026-01-01" }).state;
  const fieldOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof ValidationFailed ? error.issues.map((issue) => issue.field) : String(error);
    }
    return "no error";
  };

  it("names the field at fault", () => {
    expect(fieldOf(() => receive(state, { layerId: "B", quantity: 0, unitCost: "1", at: "2026-01-02" }))).toEqual(["quantity"]);
    expect(fieldOf(() => receive(state, { layerId: "B", quantity: 1.5, unitCost: "1", at: "2026-01-02" }))).toEqual(["quantity"]);
    expect(fieldOf(() => receive(state, { layerId: "B", quantity: 1, unitCost: "1", totalCost: "1", at: "2026-01-02" }))).toEqual(["unitCost"]);
    expect(fieldOf(() => receive(state, { layerId: "B", quantity: 1, unitCost: "1.00001", at: "2026-01-02" }))).toEqual(["unitCost"]);
    expect(fieldOf(() => receive(state, { layerId: "B", quantity: 1, unitCost: "-1", at: "2026-01-02" }))).toEqual(["unitCost"]);
    expect(fieldOf(() => receive(state, { layerId: "B", quantity: 1, unitCost: "1", at: "yesterday" }))).toEqual(["at"]);
    expect(fieldOf(() => receive(state, { layerId: "A", quantity: 1, unitCost: "1", at: "2026-01-02" }))).toEqual(["layerId"]);
    expect(fieldOf(() => issue(state, { quantity: -1 }))).toEqual(["quantity"]);
  });

  it("refuses a state whose totals are not the sum of its layers", () => {
    expect(() => issue({ ...state, value: "2.0000" }, { quantity: 1 })).toThrow("inconsistent");
  });
});
