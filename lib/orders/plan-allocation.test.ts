import { describe, expect, it } from "vitest";
import { planAllocation } from "./plan-allocation";

const sites = [
  { id: "s2", code: "WH2" },
  { id: "s1", code: "WH1" },
];
const stock = (table: Record<string, Record<string, number>>) => (siteId: string, itemId: string) => table[siteId]?.[itemId] ?? 0;
const lines = [
  { itemId: "a", quantity: 5 },
  { itemId: "b", quantity: 2 },
];

describe("planAllocation", () => {
  it("takes everything from the first site by code that can ship it all", () => {
    const plan = planAllocation(lines, sites, stock({ s1: { a: 5, b: 2 }, s2: { a: 9, b: 9 } }), false);
    expect(plan).toEqual({
      shipSiteId: "s1",
      takes: [
        { itemId: "a", siteId: "s1", quantity: 5 },
        { itemId: "b", siteId: "s1", quantity: 2 },
      ],
    });
  });

  it("without a full site and no split, takes what the best-covering site has and leaves the rest", () => {
    const plan = planAllocation(lines, sites, stock({ s1: { a: 1, b: 2 }, s2: { a: 4 } }), false);
    expect(plan.shipSiteId).toBe("s2");
    expect(plan.takes).toEqual([{ itemId: "a", siteId: "s2", quantity: 4 }]);
  });

  it("splits across sites when allowed, richest site first per line", () => {
    const plan = planAllocation(lines, sites, stock({ s1: { a: 2, b: 2 }, s2: { a: 4 } }), true);
    expect(plan.takes).toEqual([
      { itemId: "a", siteId: "s2", quantity: 4 },
      { itemId: "a", siteId: "s1", quantity: 1 },
      { itemId: "b", siteId: "s1", quantity: 2 },
    ]);
    expect(plan.shipSiteId).toBe("s2");
  });

  it("plans nothing it does not have: the order is backordered at the chosen site", () => {
    expect(planAllocation(lines, sites, stock({}), false)).toEqual({ shipSiteId: "s1", takes: [] });
    expect(planAllocation(lines, [], stock({}), false)).toEqual({ shipSiteId: null, takes: [] });
  });
});
