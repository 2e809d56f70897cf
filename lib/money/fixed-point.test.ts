import { describe, expect, it } from "vitest";
import { compareAmounts, fromTenThousandths, lineAmount, sumAmounts, toTenThousandths } from "./fixed-point";

describe("fixed-point money", () => {
  it("multiplies and sums exactly where binary floats do not", () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(lineAmount(3, "0.1")).toBe("0.3000");
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3000");
    expect(lineAmount(1_000_000, "1234567.8912")).toBe("1234567891200.0000");
  });

  it("round-trips amounts and keeps the sign", () => {
    expect(toTenThousandths("12.5")).toBe(125000n);
    expect(fromTenThousandths(-5n)).toBe("-0.0005");
    expect(fromTenThousandths(toTenThousandths("0.0001"))).toBe("0.0001");
  });

  it("compares amounts written differently", () => {
    expect(compareAmounts("10000", "10000.0000")).toBe(0);
    expect(compareAmounts("10000.0001", "10000")).toBe(1);
    expect(compareAmounts("9.99", "10")).toBe(-1);
  });

  it("refuses what is not an amount with at most 4 decimals", () => {
    expect(() => toTenThousandths("1.23456")).toThrow();
    expect(() => toTenThousandths("1e3")).toThrow();
  });
});
