import { describe, expect, it } from "vitest";
import { partitionFor, partitionRow } from "./partition-table";

describe("EPC partition tables", () => {
  it("gives the SGTIN table of TDS 14.5.1: 12 digits of company prefix in 40 bits down to 6 in 20", () => {
    const rows = [0, 1, 2, 3, 4, 5, 6].map((p) => partitionRow({ bits: 44, digits: 13 }, p));
    expect(rows.map((r) => [r?.companyPrefixBits, r?.companyPrefixDigits, r?.referenceBits, r?.referenceDigits])).toEqual([
      [40, 12, 4, 1],
      [37, 11, 7, 2],
      [34, 10, 10, 3],
      [30, 9, 14, 4],
      [27, 8, 17, 5],
      [24, 7, 20, 6],
      [20, 6, 24, 7],
    ]);
  });

  it("derives the other schemes' tables from their totals (SSCC serial reference, GIAI-96 asset reference)", () => {
    expect(partitionRow({ bits: 58, digits: 17 }, 6)).toMatchObject({ referenceBits: 38, referenceDigits: 11 });
    expect(partitionRow({ bits: 82, digits: 24 }, 0)).toMatchObject({ referenceBits: 42, referenceDigits: 12 });
    expect(partitionRow({ bits: 41, digits: 12 }, 0)).toMatchObject({ referenceBits: 1, referenceDigits: 0 });
  });

  it("has no row for partition value 7, which the TDS reserves", () => {
    expect(partitionRow({ bits: 44, digits: 13 }, 7)).toBeUndefined();
  });

  it("finds the partition for a company prefix length, and none outside 6 to 12", () => {
    expect(partitionFor(7)).toBe(5);
    expect(partitionFor(12)).toBe(0);
    expect(partitionFor(5)).toBeUndefined();
    expect(partitionFor(13)).toBeUndefined();
  });
});
