import { describe, expect, it } from "vitest";
import { chars7, epcHex } from "../../tests/factories/epc";
import { decodeEpc } from "./decode-epc";

// Edges of the TDS partition tables (TDS 2.x §14.5): partition 0 (12-digit company prefix) and 6 (6 digits), with
// every field at its largest value, and one past it where the bits can hold more than the digits allow.
const nines = (digits: number) => 10n ** BigInt(digits) - 1n;
const largest = (bits: number) => (1n << BigInt(bits)) - 1n;

const refusal = (hex: string) => () => decodeEpc(hex);

describe("decodeEpc at the edges of the partition tables", () => {
  it.each([
    // scheme, partition, header, company prefix [digits, bits], reference [value, bits], serial fields, total bits, tag URI
    ["sgtin-96", 0, 0x30, [12, 40], [nines(1), 4], [[largest(38), 38]], 96, "urn:epc:tag:sgtin-96:0.999999999999.9.274877906943"],
    ["sgtin-96", 6, 0x30, [6, 20], [nines(7), 24], [[0n, 38]], 96, "urn:epc:tag:sgtin-96:0.999999.9999999.0"],
    ["sscc-96", 0, 0x31, [12, 40], [nines(5), 18], [], 96, "urn:epc:tag:sscc-96:0.999999999999.99999"],
    ["sscc-96", 6, 0x31, [6, 20], [nines(11), 38], [], 96, "urn:epc:tag:sscc-96:0.999999.99999999999"],
    ["sgln-96", 0, 0x32, [12, 40], [0n, 1], [[largest(41), 41]], 96, "urn:epc:tag:sgln-96:0.999999999999..2199023255551"],
    ["sgln-96", 6, 0x32, [6, 20], [nines(6), 21], [[0n, 41]], 96, "urn:epc:tag:sgln-96:0.999999.999999.0"],
    ["grai-96", 0, 0x33, [12, 40], [0n, 4], [[largest(38), 38]], 96, "urn:epc:tag:grai-96:0.999999999999..274877906943"],
    ["grai-96", 6, 0x33, [6, 20], [nines(6), 24], [[1n, 38]], 96, "urn:epc:tag:grai-96:0.999999.999999.1"],
    ["giai-96", 0, 0x34, [12, 40], [largest(42), 42], [], 96, "urn:epc:tag:giai-96:0.999999999999.4398046511103"],
    ["giai-96", 6, 0x34, [6, 20], [largest(62), 62], [], 96, "urn:epc:tag:giai-96:0.999999.4611686018427387903"],
    ["gsrn-96", 0, 0x2d, [12, 40], [nines(5), 18], [], 96, "urn:epc:tag:gsrn-96:0.999999999999.99999"],
    ["gsrnp-96", 6, 0x2e, [6, 20], [nines(11), 38], [], 96, "urn:epc:tag:gsrnp-96:0.999999.99999999999"],
    ["gdti-96", 0, 0x2c, [12, 40], [0n, 1], [[largest(41), 41]], 96, "urn:epc:tag:gdti-96:0.999999999999..2199023255551"],
    ["gdti-96", 6, 0x2c, [6, 20], [nines(6), 21], [[7n, 41]], 96, "urn:epc:tag:gdti-96:0.999999.999999.7"],
    ["cpi-96", 0, 0x3c, [12, 40], [nines(3), 11], [[largest(31), 31]], 96, "urn:epc:tag:cpi-96:0.999999999999.999.2147483647"],
    ["cpi-96", 6, 0x3c, [6, 20], [nines(9), 31], [[0n, 31]], 96, "urn:epc:tag:cpi-96:0.999999.999999999.0"],
    ["sgcn-96", 0, 0x3f, [12, 40], [0n, 1], [[10n ** 12n + nines(12), 41]], 96, "urn:epc:tag:sgcn-96:0.999999999999..999999999999"],
    ["sgcn-96", 6, 0x3f, [6, 20], [nines(6), 21], [[10n, 41]], 96, "urn:epc:tag:sgcn-96:0.999999.999999.0"],
    ["sgtin-198", 0, 0x36, [12, 40], [nines(1), 4], chars7("Z".repeat(20)), 198, `urn:epc:tag:sgtin-198:0.999999999999.9.${"Z".repeat(20)}`],
    ["giai-202", 0, 0x38, [12, 40], [0n, 0], chars7("A".repeat(18)), 202, `urn:epc:tag:giai-202:0.999999999999.${"A".repeat(18)}`],
    ["giai-202", 6, 0x38, [6, 20], [0n, 0], chars7("A".repeat(24)), 202, `urn:epc:tag:giai-202:0.999999.${"A".repeat(24)}`],
  ] as const)(
    "decodes %s at partition %i with its largest values",
    (_, partition, header, [cpDigits, cpBits], [reference, referenceBits], serial, bits, tagUri) => {
      const hex = epcHex([[header, 8], [0, 3], [partition, 3], [nines(cpDigits), cpBits], [reference, referenceBits], ...serial], bits);
      expect(decodeEpc(hex).tagUri).toBe(tagUri);
    },
  );

  it("decodes a GIAI-96 whose asset reference has 13 digits at partition 0 (12-digit company prefix)", () => {
    const hex = epcHex(
      [
        [0x34, 8],
        [0, 3],
        [0, 3],
        [614141123452n, 40],
        [1234567890123n, 42],
      ],
      96,
    );
    expect(decodeEpc(hex)).toMatchObject({
      tagUri: "urn:epc:tag:giai-96:0.614141123452.1234567890123",
      pureIdentityUri: "urn:epc:id:giai:614141123452.1234567890123",
      elements: [{ ai: "8004", value: "6141411234521234567890123" }],
    });
  });

  it("writes a GIAI-96 asset reference as a plain integer: no leading zeros, 0 as 0", () => {
    // TDS §14.3.2 (integer method): the value's decimal numeral, so 42 stays 42 whatever the partition allows.
    const giai = (reference: bigint) =>
      decodeEpc(
        epcHex(
          [
            [0x34, 8],
            [0, 3],
            [5, 3],
            [614141, 24],
            [reference, 58],
          ],
          96,
        ),
      );
    expect(giai(42n).pureIdentityUri).toBe("urn:epc:id:giai:0614141.42");
    expect(giai(0n).elements).toEqual([{ ai: "8004", value: "06141410" }]);
  });

  it("refuses a zero-padded field one past its digits, at partitions 0 and 6", () => {
    const sgtin = (partition: number, cp: [bigint, number], itemReference: [bigint, number]) =>
      epcHex([[0x30, 8], [0, 3], [partition, 3], cp, itemReference, [1, 38]], 96);
    expect(refusal(sgtin(0, [10n ** 12n, 40], [1n, 4]))).toThrow(/company prefix 1000000000000 does not fit in 12 digits/);
    expect(refusal(sgtin(0, [1n, 40], [10n, 4]))).toThrow(/item reference 10 does not fit in 1 digits/);
    expect(refusal(sgtin(6, [10n ** 6n, 20], [1n, 24]))).toThrow(/company prefix 1000000 does not fit in 6 digits/);
    expect(refusal(sgtin(6, [1n, 20], [10n ** 7n, 24]))).toThrow(/item reference 10000000 does not fit in 7 digits/);
    const grai = epcHex(
      [
        [0x33, 8],
        [0, 3],
        [0, 3],
        [1n, 40],
        [1n, 4],
        [1, 38],
      ],
      96,
    );
    expect(refusal(grai)).toThrow(/asset type 1 does not fit in 0 digits/);
  });

  it("refuses a CPI-96 component/part reference with more digits than its partition allows", () => {
    const cpi = (partition: number, cpBits: number, reference: bigint, referenceBits: number) =>
      epcHex(
        [
          [0x3c, 8],
          [0, 3],
          [partition, 3],
          [1n, cpBits],
          [reference, referenceBits],
          [1, 31],
        ],
        96,
      );
    expect(refusal(cpi(0, 40, 1000n, 11))).toThrow(/component\/part reference 1000 has more than the 3 digits/);
    expect(refusal(cpi(6, 20, 10n ** 9n, 31))).toThrow(/component\/part reference 1000000000 has more than the 9 digits/);
  });

  it("refuses a GIAI-202 asset reference longer than its partition's characters", () => {
    const giai202 = epcHex([[0x38, 8], [0, 3], [0, 3], [1n, 40], ...chars7("A".repeat(19))], 202);
    expect(refusal(giai202)).toThrow(/individual asset reference has non-zero bits after its 18 characters/);
  });
});
