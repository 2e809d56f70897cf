import { describe, expect, it } from "vitest";
import { gs1AiTable } from "./ai-table.generated";
import { componentLinters } from "./component-linters";
import { Gs1Invalid, parseGs1 } from "./parse-element-string";

const GS = "\u001d";

function issuesOf(data: string) {
  try {
    parseGs1(data);
  } catch (error) {
    expect(error).toBeInstanceOf(Gs1Invalid);
    return (error as Gs1Invalid).issues;
  }
  throw new Error(`expected ${JSON.stringify(data)} to be rejected`);
}

describe("the generated AI table", () => {
  it("expands ranges and keeps formats, linters and separator needs", () => {
    expect(gs1AiTable["3103"]).toMatchObject({ title: "NET WEIGHT (kg)", isFixedLength: true, needsFnc1Separator: false });
    expect(gs1AiTable["3106"]).toBeUndefined();
    expect(gs1AiTable["01"].components).toEqual([{ type: "N", min: 14, max: 14, optional: false, linters: ["csum", "gcppos2"] }]);
    expect(gs1AiTable["10"]).toMatchObject({ isFixedLength: false, needsFnc1Separator: true, spec: "X..20" });
    expect(gs1AiTable["17"].components[0].linters).toEqual(["yymmd0"]);
    expect(gs1AiTable["8006"]).toMatchObject({ isFixedLength: true, needsFnc1Separator: true });
    expect(gs1AiTable["253"].components[1]).toMatchObject({ type: "X", min: 1, max: 17, optional: true });
    expect(gs1AiTable["95"].title).toBe("INTERNAL");
  });
});

describe("parseGs1, bracketed form", () => {
  it("reads GTIN, batch and expiry, and puts GS only after a variable-length AI that is followed by another", () => {
    expect(parseGs1("(01)09506000134352(10)ABC(17)250630")).toEqual({
      elements: [
        { ai: "01", value: "09506000134352", title: "GTIN" },
        { ai: "10", value: "ABC", title: "BATCH/LOT" },
        { ai: "17", value: "250630", title: "USE BY or EXPIRY" },
      ],
      hri: "(01)09506000134352(10)ABC(17)250630",
      elementString: `010950600013435210ABC${GS}17250630`,
    });
  });

  it("adds no separator after the last element", () => {
    expect(parseGs1("(01)09506000134352(21)SN1").elementString).toBe("010950600013435221SN1");
  });

  it("treats \\( as a literal parenthesis in a value", () => {
    expect(parseGs1("(01)09506000134352(10)AB\\(C").elements[1].value).toBe("AB(C");
  });

  it("accepts day 00 where the format allows it (GenSpecs 7.12: last day of the month)", () => {
    expect(parseGs1("(01)09506000134352(17)250200").elements[1].value).toBe("250200");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseGs1("(01)09506000134352(11)240229").elements).toHaveLength(2);
    expect(issuesOf("(01)09506000134352(11)250229")).toEqual([{ field: "(11)", message: expect.stringContaining("day 29") }]);
  });

  it("names every failing AI with its reason", () => {
    const issues = issuesOf("(01)09506000134353(17)251332(10)ABC(3103)12A456(7003)2501011260");
    expect(issues.map((i) => i.field)).toEqual(["(01)", "(17)", "(3103)", "(7003)"]);
    expect(issues[0].message).toMatch(/check digit.*expected 2/);
    expect(issues[1].message).toMatch(/month 13/);
    expect(issues[2].message).toMatch(/digits only/);
    expect(issues[3].message).toMatch(/time of day/);
  });

  it("rejects day 00 where the format is YYMMDD", () => {
    expect(issuesOf("(01)09506000134352(7006)250600")[0]).toMatchObject({ field: "(7006)", message: expect.stringMatching(/day 0/) });
  });

  it("rejects wrong lengths", () => {
    expect(issuesOf("(01)0950600013435")).toEqual([{ field: "(01)", message: "must be 14 characters long, got 13" }]);
    expect(issuesOf("(10)ABCDEFGHIJKLMNOPQRSTU")).toEqual([{ field: "(10)", message: "must be 1 to 20 characters long, got 21" }]);
    expect(issuesOf("(10)(11)250101")[0].field).toBe("(10)");
  });

  it("rejects unknown and malformed AIs", () => {
    expect(issuesOf("(23)123")[0].message).toMatch(/AI \(23\).*not a GS1 Application Identifier/);
    expect(issuesOf("(1A)123")[0].field).toBe("data");
    expect(issuesOf("(12345)1")[0].field).toBe("data");
    expect(issuesOf("")[0]).toEqual({ field: "data", message: "is empty" });
  });

  it("is a ValidationFailed with code validation_failed, so the API answers 422", () => {
    try {
      parseGs1("(01)1");
    } catch (error) {
      expect((error as Gs1Invalid).code).toBe("validation_failed");
      return;
    }
    throw new Error("not rejected");
  });
});

describe("parseGs1, scanner data", () => {
  const expected = "(01)09506000134352(10)ABC(17)250630";

  it.each([
    ["GS1-128", `]C1010950600013435210ABC${GS}17250630`],
    ["GS1 DataMatrix", `]d2010950600013435210ABC${GS}17250630`],
    ["GS1 QR", `]Q3010950600013435210ABC${GS}17250630`],
    ["GS1 DataBar Expanded", `]e0010950600013435210ABC${GS}17250630`],
    ["no symbology identifier, leading GS", `${GS}010950600013435210ABC${GS}17250630`],
    ["caret placeholders", `^010950600013435210ABC^17250630`],
    ["{FNC1} placeholders", `{FNC1}010950600013435210ABC{FNC1}17250630`],
    ["<GS> placeholders", `010950600013435210ABC<GS>17250630`],
    ["a trailing CR LF", `]C1010950600013435210ABC${GS}17250630\r\n`],
  ])("reads %s", (_name, data) => {
    expect(parseGs1(data).hri).toBe(expected);
  });

  it("tolerates a superfluous GS after a predefined-length AI", () => {
    expect(parseGs1(`]C10109506000134352${GS}10ABC`).hri).toBe("(01)09506000134352(10)ABC");
  });

  it("reads EAN-13 and EAN-8 as a GTIN-14", () => {
    expect(parseGs1("]E05901234123457").elements[0]).toEqual({ ai: "01", value: "05901234123457", title: "GTIN" });
    expect(parseGs1("]E496385074").elements[0].value).toBe("00000096385074");
    expect(issuesOf("]E05901234123458")[0].message).toMatch(/check digit: expected 7/);
  });

  it("rejects non-GS1 symbologies and data that does not start with an AI", () => {
    expect(issuesOf("]Q1https://example.com")[0].message).toMatch(/does not mark GS1 AI data/);
    expect(issuesOf("]C1")[0].message).toMatch(/no data/);
    expect(issuesOf("ABC")[0].message).toMatch(/no GS1 Application Identifier at position 1/);
  });

  it("rejects a variable-length value running past its maximum when the GS is missing", () => {
    expect(issuesOf("]C11012345678901234567890123")[0]).toMatchObject({ field: "(10)" });
  });
});

describe("component linters", () => {
  it("check the GS1 mod-10 digit", () => {
    expect(componentLinters.csum("09506000134352")).toBeUndefined();
    expect(componentLinters.csum("09506000134350")).toMatch(/expected 2/);
  });

  it("check dates, with day 00 only for the d0 formats", () => {
    expect(componentLinters.yymmd0("200600")).toBeUndefined();
    expect(componentLinters.yymmdd("200600")).toBeDefined();
    expect(componentLinters.yyyymmdd("21000229")).toBeDefined();
    expect(componentLinters.yyyymmdd("20000229")).toBeUndefined();
  });
});
