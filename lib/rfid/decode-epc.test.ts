import { describe, expect, it } from "vitest";
import { ValidationFailed } from "../domain-error";
import { chars7, epcHex } from "../../tests/factories/epc";
import { decodeEpc } from "./decode-epc";
import { encodeSgtin96 } from "./encode-sgtin";

function reasonFor(hex: string): string {
  try {
    decodeEpc(hex);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    const issues = (error as ValidationFailed).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe("epc");
    return issues[0].message;
  }
  throw new Error(`${hex} was decoded`);
}

describe("decodeEpc", () => {
  it("decodes the TDS SGTIN-96 example into URIs and a GS1 element string", () => {
    expect(decodeEpc("3074257BF7194E4000001A85")).toEqual({
      scheme: "sgtin-96",
      filter: 3,
      tagUri: "urn:epc:tag:sgtin-96:3.0614141.812345.6789",
      pureIdentityUri: "urn:epc:id:sgtin:0614141.812345.6789",
      elements: [
        { ai: "01", value: "80614141123458" },
        { ai: "21", value: "6789" },
      ],
    });
  });

  it("accepts lower-case hex with surrounding whitespace, as some readers report it", () => {
    expect(decodeEpc(" 3074257bf7194e4000001a85\n").tagUri).toBe("urn:epc:tag:sgtin-96:3.0614141.812345.6789");
  });

  it("splits company prefix and item reference by the partition value, keeping the indicator digit in front", () => {
    for (let length = 6; length <= 12; length++) {
      const { epc } = encodeSgtin96({ gtin: "80614141123458", serial: "1", filter: 3, companyPrefixLength: length });
      const decoded = decodeEpc(epc);
      const [companyPrefix, itemReference] = decoded.pureIdentityUri.replace("urn:epc:id:sgtin:", "").split(".");
      expect([companyPrefix, itemReference]).toEqual(["061414112345".slice(0, length), `8${"061414112345".slice(length)}`]);
      expect(decoded.elements[0]).toEqual({ ai: "01", value: "80614141123458" });
    }
  });

  it("reports the filter value and puts it first in the tag URI but not in the pure identity URI", () => {
    for (let filter = 0; filter <= 7; filter++) {
      const decoded = decodeEpc(encodeSgtin96({ gtin: "80614141123458", serial: "6789", filter, companyPrefixLength: 7 }).epc);
      expect(decoded.filter).toBe(filter);
      expect(decoded.tagUri).toBe(`urn:epc:tag:sgtin-96:${filter}.0614141.812345.6789`);
      expect(decoded.pureIdentityUri).toBe("urn:epc:id:sgtin:0614141.812345.6789");
    }
  });

  it("rebuilds each GS1 key with its check digit under the key's AI", () => {
    expect(decodeEpc("3174257BF4499602D2000000").elements).toEqual([{ ai: "00", value: "106141412345678908" }]);
    expect(decodeEpc("3274257BF46072000000162E").elements).toEqual([
      { ai: "414", value: "0614141123452" },
      { ai: "254", value: "5678" },
    ]);
    expect(decodeEpc("3374257BF40C0E400000162E").elements).toEqual([{ ai: "8003", value: "006141411234525678" }]);
    expect(decodeEpc("3474257BF40000000000162E").elements).toEqual([{ ai: "8004", value: "06141415678" }]);
  });

  it("leaves AI 254 out when the SGLN extension is 0", () => {
    const hex = epcHex(
      [
        [0x32, 8],
        [3, 3],
        [5, 3],
        [614141, 24],
        [12345, 17],
        [0, 41],
      ],
      96,
    );
    expect(decodeEpc(hex)).toMatchObject({ tagUri: "urn:epc:tag:sgln-96:3.0614141.12345.0", elements: [{ ai: "414", value: "0614141123452" }] });
  });

  it("%-escapes reserved URI characters in string serials but not in the element string", () => {
    const decoded = decodeEpc("3674257BF6B7A659B2C2BF1000000000000000000000000000");
    expect(decoded.pureIdentityUri).toBe("urn:epc:id:sgtin:0614141.712345.32a%2Fb");
    expect(decoded.elements[1]).toEqual({ ai: "21", value: "32a/b" });
  });

  it("decodes GID-96, which has no filter and no GS1 element string", () => {
    expect(decodeEpc("350007AB70425D4000000586")).toMatchObject({ filter: null, tagUri: "urn:epc:tag:gid-96:31415.271828.1414", elements: [] });
  });

  it("accepts a variable-length encoding padded with zeros to a 16-bit word, and nothing longer", () => {
    const sgtin198 = "3674257BF6B7A659B2C2BF1000000000000000000000000000";
    expect(decodeEpc(`${sgtin198}00`).scheme).toBe("sgtin-198");
    expect(reasonFor(`${sgtin198}0000`)).toMatch(/198 bits, so 50 to 52 hex digits; got 54/);
    expect(reasonFor(`${sgtin198.slice(0, -1)}1`)).toMatch(/non-zero padding/);
  });

  it("rejects input that is not hex, or too short for a header", () => {
    expect(reasonFor("3074257BF7194E4000001A8G")).toMatch(/hexadecimal/);
    expect(reasonFor("urn:epc:id:sgtin:0614141.812345.6789")).toMatch(/hexadecimal/);
    expect(reasonFor("3")).toMatch(/8-bit header/);
  });

  it("rejects a 96-bit scheme of the wrong length", () => {
    expect(reasonFor("3074257BF7194E4000001A")).toMatch(/SGTIN-96 is 96 bits, so 24 hex digits; got 22/);
    expect(reasonFor("3074257BF7194E4000001A8500")).toMatch(/got 26/);
  });

  it("rejects headers it does not decode", () => {
    expect(reasonFor("FF74257BF7194E4000001A85")).toMatch(/header 0xFF/);
    expect(reasonFor("0074257BF7194E4000001A85")).toMatch(/header 0x00/);
  });

  it("rejects the reserved partition value 7", () => {
    expect(
      reasonFor(
        epcHex(
          [
            [0x30, 8],
            [3, 3],
            [7, 3],
          ],
          96,
        ),
      ),
    ).toMatch(/partition value 7 is reserved/);
  });

  it("rejects a company prefix or reference with more digits than its partition allows", () => {
    expect(
      reasonFor(
        epcHex(
          [
            [0x30, 8],
            [3, 3],
            [5, 3],
            [(1 << 24) - 1, 24],
          ],
          96,
        ),
      ),
    ).toMatch(/company prefix 16777215 does not fit in 7 digits/);
    expect(
      reasonFor(
        epcHex(
          [
            [0x30, 8],
            [3, 3],
            [5, 3],
            [614141, 24],
            [(1 << 20) - 1, 20],
          ],
          96,
        ),
      ),
    ).toMatch(/item reference 1048575 does not fit in 6 digits/);
    expect(
      reasonFor(
        epcHex(
          [
            [0x32, 8],
            [3, 3],
            [0, 3],
            [61414100001, 40],
            [1, 1],
          ],
          96,
        ),
      ),
    ).toMatch(/location reference 1 does not fit in 0 digits/);
  });

  it("rejects 7-bit strings with characters outside GS1 set 82, data after the end, or nothing at all", () => {
    const sgtin198 = (serial: [number, number][]) => epcHex([[0x36, 8], [3, 3], [5, 3], [614141, 24], [712345, 20], ...serial], 198);
    expect(reasonFor(sgtin198(chars7("A#1")))).toMatch(/serial contains 0x23, which is not in the GS1 AI character set 82/);
    expect(reasonFor(sgtin198([...chars7("A"), [0, 7], ...chars7("B")]))).toMatch(/data after its terminating zero/);
    expect(reasonFor(sgtin198([]))).toMatch(/serial is empty/);
  });

  it("rejects an SGCN-96 serial whose numeric string does not start with the marker digit 1", () => {
    const sgcn = (serial: number) =>
      epcHex(
        [
          [0x3f, 8],
          [3, 3],
          [5, 3],
          [4012345, 24],
          [67890, 17],
          [serial, 41],
        ],
        96,
      );
    expect(decodeEpc(sgcn(104711)).tagUri).toBe("urn:epc:tag:sgcn-96:3.4012345.67890.04711");
    expect(reasonFor(sgcn(4711))).toMatch(/numeric string/);
  });

  it("refuses a CPI-var serial of more than the 12 digits AI 8011 allows, though 40 bits hold 13", () => {
    // TDS CPI-var: a 40-bit integer serial, at most 999999999999 (GS1 TDT 2.2, CPI-var.json).
    const cpiVar = (serial: bigint) =>
      epcHex(
        [
          [0x3d, 8],
          [3, 3],
          [5, 3],
          [614141, 24],
          [53, 6],
          [0, 6],
          [serial, 40],
        ],
        90,
      );
    expect(decodeEpc(cpiVar(999_999_999_999n)).elements).toEqual([
      { ai: "8010", value: "06141415" },
      { ai: "8011", value: "999999999999" },
    ]);
    expect(reasonFor(cpiVar(1_000_000_000_000n))).toMatch(/serial 1000000000000 has more than the 12 digits/);
  });

  it("rejects a CPI-var component reference with a character outside CPI's 6-bit set", () => {
    // 6-bit code 27 would be "[" (0x40 + 27).
    const hex = epcHex(
      [
        [0x3d, 8],
        [3, 3],
        [5, 3],
        [614141, 24],
        [53, 6],
        [27, 6],
        [0, 6],
        [12345, 40],
      ],
      132,
    );
    expect(reasonFor(hex)).toMatch(/6-bit code 27/);
  });
});
