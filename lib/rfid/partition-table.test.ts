import { describe, expect, it } from "vitest";
import { EPC_SCHEMES } from "./epc-schemes";
import { partitionFor, partitionRow } from "./partition-table";

type Row = [companyPrefixBits: number, companyPrefixDigits: number, referenceBits: number, referenceDigits: number];

/**
 * The partition tables of the EPC Tag Data Standard (TDS 2.x §14.5, one per scheme), rows P = 0…6, written out
 * from the standard rather than derived, so that a wrong total in epc-schemes.ts shows up here. Bits and digits
 * were checked against GS1's Tag Data Translation definitions (TDT 2.2): each option's bitLength, and the
 * decimalMaximum or URI pattern length of the field after the company prefix. For the integer-coded GIAI-96 and
 * CPI-96 references, "digits" is the most the URI may show (GIAI-96: 13 at P = 0, since 2^42 − 1 has 13).
 */
const SGTIN: Row[] = [
  [40, 12, 4, 1],
  [37, 11, 7, 2],
  [34, 10, 10, 3],
  [30, 9, 14, 4],
  [27, 8, 17, 5],
  [24, 7, 20, 6],
  [20, 6, 24, 7],
];
const SSCC_GSRN: Row[] = [
  [40, 12, 18, 5],
  [37, 11, 21, 6],
  [34, 10, 24, 7],
  [30, 9, 28, 8],
  [27, 8, 31, 9],
  [24, 7, 34, 10],
  [20, 6, 38, 11],
];
const SGLN_GDTI_SGCN: Row[] = [
  [40, 12, 1, 0],
  [37, 11, 4, 1],
  [34, 10, 7, 2],
  [30, 9, 11, 3],
  [27, 8, 14, 4],
  [24, 7, 17, 5],
  [20, 6, 21, 6],
];
const GRAI: Row[] = [
  [40, 12, 4, 0],
  [37, 11, 7, 1],
  [34, 10, 10, 2],
  [30, 9, 14, 3],
  [27, 8, 17, 4],
  [24, 7, 20, 5],
  [20, 6, 24, 6],
];
const GIAI_96: Row[] = [
  [40, 12, 42, 13],
  [37, 11, 45, 14],
  [34, 10, 48, 15],
  [30, 9, 52, 16],
  [27, 8, 55, 17],
  [24, 7, 58, 18],
  [20, 6, 62, 19],
];
const GIAI_202: Row[] = [
  [40, 12, 148, 18],
  [37, 11, 151, 19],
  [34, 10, 154, 20],
  [30, 9, 158, 21],
  [27, 8, 161, 22],
  [24, 7, 164, 23],
  [20, 6, 168, 24],
];
const CPI_96: Row[] = [
  [40, 12, 11, 3],
  [37, 11, 14, 4],
  [34, 10, 17, 5],
  [30, 9, 21, 6],
  [27, 8, 24, 7],
  [24, 7, 27, 8],
  [20, 6, 31, 9],
];
// CPI-var's reference has no fixed width (6-bit characters up to a terminator), so only its characters are pinned.
const CPI_VAR_CHARACTERS = [18, 19, 20, 21, 22, 23, 24];

const STANDARD_TABLES: Record<string, Row[]> = {
  "sgtin-96": SGTIN,
  "sgtin-198": SGTIN,
  "sscc-96": SSCC_GSRN,
  "sgln-96": SGLN_GDTI_SGCN,
  "sgln-195": SGLN_GDTI_SGCN,
  "grai-96": GRAI,
  "grai-170": GRAI,
  "giai-96": GIAI_96,
  "giai-202": GIAI_202,
  "gsrn-96": SSCC_GSRN,
  "gsrnp-96": SSCC_GSRN,
  "gdti-96": SGLN_GDTI_SGCN,
  "gdti-174": SGLN_GDTI_SGCN,
  "cpi-96": CPI_96,
  "sgcn-96": SGLN_GDTI_SGCN,
};

const PARTITIONS = [0, 1, 2, 3, 4, 5, 6];
const schemesWithPartitions = EPC_SCHEMES.filter((scheme) => scheme.reference !== undefined);

describe("EPC partition tables", () => {
  it("pins a standard table for every scheme that has a partition, and no other", () => {
    const names = schemesWithPartitions.map((scheme) => scheme.name).filter((name) => name !== "cpi-var");
    expect(names.sort()).toEqual(Object.keys(STANDARD_TABLES).sort());
  });

  it.each(Object.entries(STANDARD_TABLES))("gives %s every row of its TDS partition table", (name, standard) => {
    const table = schemesWithPartitions.find((scheme) => scheme.name === name)?.reference?.table;
    expect(table).toBeDefined();
    const rows = PARTITIONS.map((p) => partitionRow(table!, p));
    expect(rows.map((r) => [r?.companyPrefixBits, r?.companyPrefixDigits, r?.referenceBits, r?.referenceDigits])).toEqual(standard);
  });

  it("gives CPI-var 12 to 6 company prefix digits and 18 to 24 reference characters", () => {
    const table = schemesWithPartitions.find((scheme) => scheme.name === "cpi-var")?.reference?.table;
    const rows = PARTITIONS.map((p) => partitionRow(table!, p));
    expect(rows.map((r) => [r?.companyPrefixBits, r?.companyPrefixDigits])).toEqual(SGTIN.map(([bits, digits]) => [bits, digits]));
    expect(rows.map((r) => r?.referenceDigits)).toEqual(CPI_VAR_CHARACTERS);
  });

  it("has no row for partition value 7, which the TDS reserves", () => {
    for (const scheme of schemesWithPartitions) expect(partitionRow(scheme.reference!.table, 7)).toBeUndefined();
  });

  it("finds the partition for a company prefix length, and none outside 6 to 12", () => {
    expect(PARTITIONS.map((p) => partitionFor(12 - p))).toEqual(PARTITIONS);
    expect(partitionFor(5)).toBeUndefined();
    expect(partitionFor(13)).toBeUndefined();
  });
});
