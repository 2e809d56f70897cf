import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocateProportionally, compareAmounts, divideRounded, fromTenThousandths, lineAmount, sumAmounts, toTenThousandths } from "./fixed-point";

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

describe("divideRounded", () => {
  it("rounds to the nearest, a half away from zero", () => {
    expect(divideRounded(10n, 3n)).toBe(3n); // 3.33…
    expect(divideRounded(20n, 3n)).toBe(7n); // 6.66…
    expect(divideRounded(5n, 2n)).toBe(3n); // 2.5 → 3, not the even 2
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(5n, -2n)).toBe(-3n);
    expect(divideRounded(-7n, -2n)).toBe(4n);
    expect(divideRounded(6n, 3n)).toBe(2n);
    expect(() => divideRounded(1n, 0n)).toThrow("Division by zero");
  });

  it("is symmetric under negation and within half a unit of the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.bigInt(1n, 10n ** 12n), (n, d) => {
        const q = divideRounded(n, d);
        expect(divideRounded(-n, d)).toBe(-q);
        const error = q * d - n; // how far q·d is from n, in units of 1/d
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });
});

describe("allocateProportionally", () => {
  it("gives the units left over to the largest remainders, the earlier one on a tie", () => {
    // 10.0000 over 1:1:1 = 3.33333… each; one ten-thousandth left over goes to the first.
    expect(allocateProportionally(100000n, [1n, 1n, 1n])).toEqual([33334n, 33333n, 33333n]);
    // 1.0000 over 1:2 = 0.33333… and 0.66666…: the second has the larger remainder.
    expect(allocateProportionally(10000n, [1n, 2n])).toEqual([3333n, 6667n]);
    expect(allocateProportionally(-100000n, [1n, 1n, 1n])).toEqual([-33334n, -33333n, -33333n]);
    expect(allocateProportionally(7n, [0n, 5n])).toEqual([0n, 7n]);
    expect(allocateProportionally(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(() => allocateProportionally(1n, [0n, 0n])).toThrow("all zero");
    expect(() => allocateProportionally(1n, [2n, -1n])).toThrow("negative");
  });

  it("always sums to the total, each share within one unit of its exact proportion", () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 15n), 10n ** 15n),
        fc.array(fc.bigInt(0n, 10n ** 9n), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const shares = allocateProportionally(total, weights);
          expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(total);
          const whole = weights.reduce((sum, w) => sum + w, 0n);
          shares.forEach((share, i) => {
            const gap = share * whole - total * weights[i]; // (share − exact) · whole
            expect((gap < 0n ? -gap : gap) < whole).toBe(true);
          });
        },
      ),
    );
  });
});
