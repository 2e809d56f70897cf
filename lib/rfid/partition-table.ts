/**
 * EPC Tag Data Standard partition tables (TDS 2.x §14.2). The partition value P (0–6) splits a fixed number of
 * bits between the GS1 Company Prefix and the field after it. The company prefix side is the same in every
 * table; the other side is whatever remains, in bits and in digits (or characters).
 */
const COMPANY_PREFIX_SIDE = [
  [40, 12],
  [37, 11],
  [34, 10],
  [30, 9],
  [27, 8],
  [24, 7],
  [20, 6],
] as const;

/** A table by its totals: company prefix plus reference together take `bits` bits and `digits` digits. */
export type PartitionTable = { bits: number; digits: number };

export type PartitionRow = {
  companyPrefixBits: number;
  companyPrefixDigits: number;
  referenceBits: number;
  referenceDigits: number;
};

/** The row for partition value P, or undefined for 7 (reserved by the TDS). */
export function partitionRow(table: PartitionTable, partition: number): PartitionRow | undefined {
  const side = COMPANY_PREFIX_SIDE[partition];
  if (!side) return undefined;
  const [companyPrefixBits, companyPrefixDigits] = side;
  return {
    companyPrefixBits,
    companyPrefixDigits,
    referenceBits: table.bits - companyPrefixBits,
    referenceDigits: table.digits - companyPrefixDigits,
  };
}

/** The partition value for a company prefix of this many digits (6–12), or undefined when none fits. */
export function partitionFor(companyPrefixDigits: number): number | undefined {
  const index = COMPANY_PREFIX_SIDE.findIndex(([, digits]) => digits === companyPrefixDigits);
  return index === -1 ? undefined : index;
}
