import { describe, expect, it } from "vitest";
import { emptyCostState, type CostState, unitValue } from "./cost-state";
import { issue, receive, returnToStock, reverse } from "./movements";

/*
 * Perpetual moving weighted average, the same movements as the FIFO case (fifo.test.ts), worked by hand. An issue
 * of q from Q units worth V costs round(V × q ÷ Q) to 4 places, a half away from zero; V − that stays.
 *
 *   date    movement         units  cost                                             Q     V
 *   Jan  1  opening (B)       100   1,000.0000                                      100   1,000.0000
 *   Jan  5  purchase (P1)     200   2,200.0000                                      300   3,200.0000
 *   Jan  8  sale              150   3,200 × 150/300 = 1,600.0000 (even)             150   1,600.0000
 *   Jan 12  purchase (P2)     120   1,500.0000                                      270   3,100.0000
 *   Jan 20  sale              200   3,100 × 200/270 = 2,296.296296… → 2,296.2963     70     803.7037
 *   Jan 25  purchase (P3)      80   1,056.0000                                      150   1,859.7037
 *   Jan 30  sale              100   1,859.7037 × 100/150 = 1,239.802466… → 1,239.8025  50     619.9012
 *
 *   COGS 1,600.0000 + 2,296.2963 + 1,239.8025 = 5,136.0988; + ending 619.9012 = 5,756.0000, the goods available.
 *
 * The layers record which units are on hand (oldest first, for ageing), each holding the average: after Jan 25,
 * P2 has 70 and P3 80 units; 1,859.7037 × 70/150 = 867.861726…, × 80/150 = 991.841973…; rounded down they leave
 * 0.0001, which goes to the larger remainder (P3): 867.8617 + 991.8420.
 */
function textbookSequence() {
  let state = emptyCostState("average");
  const step = <T extends { state: CostState }>(result: T) => ((state = result.state), result);
  step(receive(state, { layerId: "B", quantity: 100, unitCost: "10.00", at: "2026-01-01" }));
  step(receive(state, { layerId: "P1", quantity: 200, unitCost: "11.00", at: "2026-01-05" }));
  const sale1 = step(issue(state, { quantity: 150 })).valuation;
  step(receive(state, { layerId: "P2", quantity: 120, unitCost: "12.50", at: "2026-01-12" }));
  const sale2 = step(issue(state, { quantity: 200 })).valuation;
  const afterSale2 = state;
  step(receive(state, { layerId: "P3", quantity: 80, unitCost: "13.20", at: "2026-01-25" }));
  const afterP3 = state;
  const sale3 = step(issue(state, { quantity: 100 })).valuation;
  return { state, sale1, sale2, sale3, afterSale2, afterP3 };
}

describe("moving weighted average", () => {
  it("values the textbook sequence's sales at the average of the moment", () => {
    const { state, sale1, sale2, sale3, afterSale2, afterP3 } = textbookSequence();
    expect([sale1.totalCost, sale2.totalCost, sale3.totalCost]).toEqual(["1600.0000", "2296.2963", "1239.8025"]);
    expect(afterSale2).toMatchObject({ quantity: 70, value: "803.7037" });
    expect(afterP3).toMatchObject({ quantity: 150, value: "1859.7037" });
    expect(afterP3.layers.filter((l) => l.quantity > 0).map((l) => [l.id, l.quantity, l.value])).toEqual([
      ["P2", 70, "867.8617"],
      ["P3", 80, "991.8420"],
    ]);
    expect(state).toMatchObject({ quantity: 50, value: "619.9012" });
    expect(unitValue(state)).toBe("12.3980"); // 619.9012 / 50 = 12.398024
    // The sale of 100 took P2's 70 and 30 of P3: 1,239.8025 split 70:30 is 867.86175 and 371.94075; rounded down
    // they leave 0.0001, which goes to the earlier on a tie of remainders.
    expect(sale3.consumed).toEqual([
      { layerId: "P2", receivedAt: "2026-01-12", quantity: 70, cost: "867.8618" },
      { layerId: "P3", receivedAt: "2026-01-25", quantity: 30, cost: "371.9407" },
    ]);
  });

  it("lets the last unit of an uneven average take exactly what is left", () => {
    // 3 units worth 10.0000: 3.3333 (10/3), then 3.3334 (6.6667/2 = 3.33335, a half away from zero), then 3.3333.
    let state = receive(emptyCostState("average"), { layerId: "A", quantity: 3, totalCost: "10.0000", at: "2026-01-01" }).state;
    const costs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = issue(state, { quantity: 1 });
      costs.push(result.valuation.totalCost);
      state = result.state;
    }
    expect(costs).toEqual(["3.3333", "3.3334", "3.3333"]);
    expect(state).toMatchObject({ quantity: 0, value: "0.0000" });
  });

  it("reverses an uneven issue exactly, back to the same average", () => {
    const start = receive(emptyCostState("average"), { layerId: "A", quantity: 3, totalCost: "10.0000", at: "2026-01-01" }).state;
    const sold = issue(start, { quantity: 1 });
    expect(sold.state.value).toBe("6.6667");
    const reversed = reverse(sold.state, sold.valuation);
    expect(reversed.valuation).toMatchObject({ totalCost: "3.3333", valueChange: "3.3333" });
    expect(reversed.state).toEqual(start);
  });

  it("reverses the last receipt exactly, and the next sale is valued as if it never came", () => {
    const { afterSale2, afterP3 } = textbookSequence();
    const reversed = reverse(afterP3, {
      kind: "receipt",
      method: "average",
      quantity: 80,
      unitCost: "13.2000",
      totalCost: "1056.0000",
      valueChange: "1056.0000",
      layerId: "P3",
    });
    expect(reversed.valuation.valueChange).toBe("-1056.0000");
    expect(reversed.state).toEqual(afterSale2);
  });

  it("sends the difference to cost of goods sold when a receipt is reversed after the average moved", () => {
    // 1 @ 10.00 (A) and 1 @ 20.00 (B): 2 units worth 30.00. A sale of 1 costs 15.00 and takes A's unit (oldest
    // first). Reversing B's receipt must give the supplier back 20.00, but stock holds only 15.00 for B's unit:
    // stock −15.00, cost of goods sold −5.00 (a credit), together the −20.00 of the original receipt.
    let state = receive(emptyCostState("average"), { layerId: "A", quantity: 1, unitCost: "10.00", at: "2026-01-01" }).state;
    const b = receive(state, { layerId: "B", quantity: 1, unitCost: "20.00", at: "2026-01-02" });
    state = issue(b.state, { quantity: 1 }).state;
    const reversed = reverse(state, b.valuation);
    expect(reversed.valuation).toMatchObject({ valueChange: "-15.0000", cogsAdjustment: "-5.0000" });
    expect(reversed.state).toMatchObject({ quantity: 0, value: "0.0000" });
  });

  it("takes out all the value left when a reversed receipt leaves no units, the rest a COGS charge", () => {
    // 1 @ 20.00 (A), 1 @ 10.00 (B): 30.00; a sale of 1 costs 15.00 and takes A's unit. Reversing B gives the
    // supplier back 10.00, but B's unit is the last and carries 15.00: stock −15.00, COGS +5.00.
    let state = receive(emptyCostState("average"), { layerId: "A", quantity: 1, unitCost: "20.00", at: "2026-01-01" }).state;
    const b = receive(state, { layerId: "B", quantity: 1, unitCost: "10.00", at: "2026-01-02" });
    state = issue(b.state, { quantity: 1 }).state;
    const reversed = reverse(state, b.valuation);
    expect(reversed.valuation).toMatchObject({ valueChange: "-15.0000", cogsAdjustment: "5.0000" });
    expect(reversed.state).toMatchObject({ quantity: 0, value: "0.0000" });
  });

  it("takes a customer return at the cost it left with into the average", () => {
    // 50 units worth 619.9012; 2 come back at 12.40 each (24.80): 52 units worth 644.7012.
    const { state } = textbookSequence();
    const returned = returnToStock(state, { layerId: "R", quantity: 2, unitCost: "12.40", at: "2026-02-01" });
    expect(returned.state).toMatchObject({ quantity: 52, value: "644.7012" });
    expect(returned.valuation).toMatchObject({ kind: "return", totalCost: "24.8000" });
  });
});
