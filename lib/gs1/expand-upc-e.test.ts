import { describe, expect, it } from "vitest";
import { hasValidGs1CheckDigit } from "./check-digit";
import { expandUpcE } from "./expand-upc-e";

describe("expandUpcE", () => {
  it("expands each of the four suppression patterns to a UPC-A with a valid check digit", () => {
    expect(expandUpcE("04252614")).toBe("042100005264");
    expect(expandUpcE("01234565")).toBe("012345000065");
    expect(expandUpcE("01234531")).toBe("012300000451");
    expect(expandUpcE("01234523")).toBe("012200003453");
    for (const upcA of ["042100005264", "012345000065", "012300000451", "012200003453"]) expect(hasValidGs1CheckDigit(upcA)).toBe(true);
  });

  it("refuses what is not UPC-E", () => {
    expect(() => expandUpcE("2123456")).toThrow(/not a UPC-E/);
    expect(() => expandUpcE("21234567")).toThrow(/not a UPC-E/);
  });
});
