import { describe, expect, it } from "vitest";
import { guardFormula, unguardFormula } from "./formula-guard";

describe("guardFormula", () => {
  it("puts an apostrophe before text a spreadsheet would run as a formula, and only then", () => {
    expect(["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx"].map(guardFormula)).toEqual(["'=1+1", "'+A1", "'-2+3", "'@SUM(A1)", "'\tx"]);
    expect(["Drill", "", "'quoted", "a=b"].map(guardFormula)).toEqual(["Drill", "", "'quoted", "a=b"]);
  });

  it("is undone by unguardFormula, which leaves other apostrophes alone", () => {
    for (const text of ['=HYPERLINK("x")', "-5 V adapter", "Drill", "'tis", "'=x", "''-1"]) expect(unguardFormula(guardFormula(text))).toBe(text);
    expect(unguardFormula("'hello")).toBe("'hello");
  });
});
