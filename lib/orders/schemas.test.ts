import { describe, expect, it } from "vitest";
import { orderInput } from "./schemas";

const order = (promisedShipDate: string) => ({ reference: "R-1", customer: { name: "A" }, lines: [{ sku: "A", quantity: 1 }], promisedShipDate });

describe("an order's promised ship date", () => {
  it("refuses a promised ship date that is no calendar day, naming the field, and takes a leap day", () => {
    for (const day of ["2027-02-29", "3265-09-63", "2027-13-01"]) {
      const parsed = orderInput.safeParse(order(day));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["promisedShipDate"]);
    }
    expect(orderInput.safeParse(order("2028-02-29")).success).toBe(true);
  });
});
