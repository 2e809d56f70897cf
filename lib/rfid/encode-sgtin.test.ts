import { describe, expect, it } from "vitest";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { decodeEpc } from "./decode-epc";
import { encodeSgtin96, type SgtinInput } from "./encode-sgtin";

const tdsExample = { gtin: "80614141123458", serial: "6789", filter: 3, companyPrefixLength: 7 };

function issuesFor(input: SgtinInput): FieldIssue[] {
  try {
    encodeSgtin96(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).issues;
  }
  throw new Error(`${JSON.stringify(input)} was encoded`);
}

describe("encodeSgtin96", () => {
  it("encodes the TDS SGTIN-96 example", () => {
    expect(encodeSgtin96(tdsExample)).toEqual({
      epc: "3074257BF7194E4000001A85",
      tagUri: "urn:epc:tag:sgtin-96:3.0614141.812345.6789",
    });
  });

  it("uses filter 1, point-of-sale trade item, when none is given", () => {
    const { epc, tagUri } = encodeSgtin96({ ...tdsExample, filter: undefined });
    expect(tagUri).toBe("urn:epc:tag:sgtin-96:1.0614141.812345.6789");
    expect(decodeEpc(epc).filter).toBe(1);
  });

  it("takes GTIN-8, -12 and -13 as their 14-digit form, indicator digit 0", () => {
    for (const [gtin, companyPrefixLength] of [
      ["96385074", 7],
      ["036000291452", 7],
      ["4006381333931", 7],
    ] as const) {
      const { epc } = encodeSgtin96({ gtin, serial: "42", companyPrefixLength });
      expect(decodeEpc(epc).elements).toEqual([
        { ai: "01", value: gtin.padStart(14, "0") },
        { ai: "21", value: "42" },
      ]);
    }
  });

  it("encodes the largest serial 38 bits hold, and nothing above", () => {
    const largest = String(2 ** 38 - 1);
    expect(decodeEpc(encodeSgtin96({ ...tdsExample, serial: largest }).epc).elements[1].value).toBe(largest);
    expect(issuesFor({ ...tdsExample, serial: String(2 ** 38) })).toEqual([
      { field: "serial", message: expect.stringMatching(/below 274877906944/) },
    ]);
  });

  it("encodes serial 0 but refuses leading zeros and non-digits, which SGTIN-96 cannot carry", () => {
    expect(encodeSgtin96({ ...tdsExample, serial: "0" }).tagUri).toMatch(/\.0$/);
    for (const serial of ["0789", "A1", "", "1 2"]) {
      expect(issuesFor({ ...tdsExample, serial })).toEqual([{ field: "serial", message: expect.stringMatching(/SGTIN-198/) }]);
    }
  });

  it("refuses a GTIN with a wrong check digit or length", () => {
    expect(issuesFor({ ...tdsExample, gtin: "80614141123457" })).toEqual([{ field: "gtin", message: expect.stringMatching(/check digit/) }]);
    expect(issuesFor({ ...tdsExample, gtin: "8061414112345" })[0].field).toBe("gtin");
    expect(issuesFor({ ...tdsExample, gtin: "806141411234588" })[0].message).toMatch(/8, 12, 13 or 14 digits/);
  });

  it("refuses a filter outside 0 to 7 and a company prefix length outside 6 to 12", () => {
    expect(issuesFor({ ...tdsExample, filter: 8 })).toEqual([{ field: "filter", message: expect.any(String) }]);
    expect(issuesFor({ ...tdsExample, filter: 1.5 })[0].field).toBe("filter");
    for (const companyPrefixLength of [5, 13, 7.5]) {
      expect(issuesFor({ ...tdsExample, companyPrefixLength })).toEqual([
        { field: "companyPrefixLength", message: expect.stringMatching(/6 to 12/) },
      ]);
    }
  });

  it("names every failing field at once", () => {
    const issues = issuesFor({ gtin: "123", serial: "007", filter: 9, companyPrefixLength: 3 });
    expect(issues.map((issue) => issue.field)).toEqual(["gtin", "serial", "filter", "companyPrefixLength"]);
  });
});
