import { describe, expect, it } from "vitest";
import { searchTerms } from "./search-terms";

describe("searchTerms", () => {
  it("trims, collapses spaces and lower-cases", () => {
    expect(searchTerms("  Makita   Hex Bolt ")).toMatchObject({ text: "Makita Hex Bolt", lower: "makita hex bolt" });
  });

  it("looks a scanned EAN-13 up as typed and as the stored GTIN-14", () => {
    expect(searchTerms("4006381333931").barcodes).toEqual(["4006381333931", "04006381333931"]);
    expect(searchTerms("AL-77").barcodes).toEqual(["AL-77"]);
  });

  it("escapes LIKE wildcards so a typed % or _ matches itself", () => {
    expect(searchTerms("A_1%").prefixPattern).toBe("a\\_1\\%%");
    expect(searchTerms("A_1%").containsPattern).toBe("%a\\_1\\%%");
  });

  it("treats one token of three characters or more as a possible code, words with spaces as a name", () => {
    expect(searchTerms("L1-A-03").isCodeLike).toBe(true);
    expect(searchTerms("ab").isCodeLike).toBe(false);
    expect(searchTerms("hex bolt").isCodeLike).toBe(false);
  });

  it("offers only words of three or more letters to the misspelling stage", () => {
    expect(searchTerms("Makta hexx M8 18V bolr lot2024 ab").fuzzyWords).toEqual(["makta", "hexx", "bolr"]);
    expect(searchTerms("Würth Kärcher").fuzzyWords).toEqual(["würth", "kärcher"]);
    expect(searchTerms("SKU-000123").fuzzyWords).toEqual(["sku"]);
  });
});
