import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gs1CheckDigit, hasValidGs1CheckDigit, toGtin14 } from "./check-digit";

describe("GS1 check digit", () => {
  it("matches published GTINs", () => {
    // GTIN-13s printed on real products and GS1's own examples
    expect(hasValidGs1CheckDigit("4006381333931")).toBe(true);
    expect(hasValidGs1CheckDigit("9521234543213")).toBe(true);
    expect(hasValidGs1CheckDigit("09506000134352")).toBe(true); // GS1 Digital Link examples' GTIN-14
    expect(gs1CheckDigit("400638133393")).toBe(1);
    expect(hasValidGs1CheckDigit("4006381333932")).toBe(false);
  });

  it("accepts every code it completes and rejects every single-digit error", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7,17}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const code = body + gs1CheckDigit(body);
        expect(hasValidGs1CheckDigit(code)).toBe(true);
        const position = at % code.length;
        const changed = code.slice(0, position) + ((Number(code[position]) + delta) % 10) + code.slice(position + 1);
        expect(hasValidGs1CheckDigit(changed)).toBe(false);
      }),
    );
  });

  it("pads any GTIN to 14 digits", () => {
    expect(toGtin14("4006381333931")).toBe("04006381333931");
    expect(toGtin14("12345670")).toBe("00000012345670");
  });

  it("refuses non-digits", () => {
    expect(() => gs1CheckDigit("12a4")).toThrow();
    expect(hasValidGs1CheckDigit("12a45")).toBe(false);
  });
});
