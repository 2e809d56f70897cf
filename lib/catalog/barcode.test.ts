import { describe, expect, it } from "vitest";
import { barcodeKind, isAcceptableBarcode, isGtinShaped, normaliseBarcode } from "./barcode";

describe("barcodes", () => {
  it("treats 8, 12, 13 and 14 digits as GTINs and everything else as an alias", () => {
    for (const code of ["96385074", "036000291452", "4006381333931", "14006381333938"]) expect(isGtinShaped(code), code).toBe(true);
    for (const code of ["1234567", "1234567890", "12345678901", "123456789012345", "ABC-123", "4006381333931X"]) {
      expect(isGtinShaped(code), code).toBe(false);
    }
  });

  it("accepts GTINs only with a correct check digit, and any alias", () => {
    expect(isAcceptableBarcode("4006381333931")).toBe(true);
    expect(isAcceptableBarcode("4006381333932")).toBe(false);
    expect(isAcceptableBarcode("036000291452")).toBe(true);
    expect(isAcceptableBarcode("036000291453")).toBe(false);
    expect(isAcceptableBarcode("SHELF-TAG 17")).toBe(true);
  });

  it("stores every GTIN as 14 digits so one product has one code, and leaves aliases as printed", () => {
    expect(normaliseBarcode("4006381333931")).toBe("04006381333931");
    expect(normaliseBarcode("96385074")).toBe("00000096385074");
    expect(normaliseBarcode("036000291452")).toBe("00036000291452");
    expect(normaliseBarcode("04006381333931")).toBe("04006381333931");
    expect(normaliseBarcode("abc-12")).toBe("abc-12");
  });

  it("is idempotent, so a schema may parse its own output again", () => {
    for (const code of ["96385074", "4006381333931", "abc-12"]) expect(normaliseBarcode(normaliseBarcode(code))).toBe(normaliseBarcode(code));
  });

  it("names the kind of a stored code", () => {
    expect(barcodeKind("04006381333931")).toBe("gtin");
    expect(barcodeKind("abc-12")).toBe("alias");
  });
});
