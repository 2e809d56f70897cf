import { describe, expect, it } from "vitest";
import { planReceipt, type LotInTransit } from "./plan-receipt";

const lot = (lotNumber: string, quantity: number, expiresOn: string | null): LotInTransit => ({
  lotId: `id-${lotNumber}`,
  lotNumber,
  quantity,
  expiresOn: expiresOn ? new Date(expiresOn) : null,
});

describe("planReceipt", () => {
  it("takes the first-expiring lot first, lots without expiry last", () => {
    const plan = planReceipt([lot("L3", 5, null), lot("L2", 5, "2027-03-01"), lot("L1", 2, "2027-01-01")], 6, 0);
    expect(plan).toEqual({
      damaged: [],
      good: [
        { lotId: "id-L1", lotNumber: "L1", quantity: 2 },
        { lotId: "id-L2", lotNumber: "L2", quantity: 4 },
      ],
      over: 0,
    });
  });

  it("matches damaged units to transit before good ones, so the excess is always good units over", () => {
    const plan = planReceipt([lot("L1", 4, "2027-01-01")], 3, 2);
    expect(plan).toEqual({
      damaged: [{ lotId: "id-L1", lotNumber: "L1", quantity: 2 }],
      good: [{ lotId: "id-L1", lotNumber: "L1", quantity: 2 }],
      over: 1,
    });
  });

  it("counts everything beyond transit as over, even when nothing is left in transit", () => {
    expect(planReceipt([lot("L1", 0, null)], 3, 0)).toEqual({ damaged: [], good: [], over: 3 });
  });

  it("refuses more damaged units than are in transit", () => {
    expect(planReceipt([lot("L1", 2, null)], 0, 3)).toBeNull();
  });

  it("does not change the lots it was given", () => {
    const lots = [lot("L1", 2, null)];
    planReceipt(lots, 2, 0);
    expect(lots[0].quantity).toBe(2);
  });
});
