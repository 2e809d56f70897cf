import { hasValidGs1CheckDigit } from "../gs1/check-digit";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { SGTIN_PARTITION_TABLE } from "./epc-schemes";
import { partitionFor, partitionRow } from "./partition-table";

export type SgtinInput = {
  /** GTIN-8, -12, -13 or -14 with its check digit. */
  gtin: string;
  /** Digits without leading zeros, below 2^38. */
  serial: string;
  /** 0–7; defaults to 1, "point of sale trade item". */
  filter?: number;
  /** Digits of the GS1 Company Prefix inside the GTIN, 6–12: the GTIN alone does not tell. */
  companyPrefixLength: number;
};

export type EncodedEpc = { epc: string; tagUri: string };

const SGTIN_96_HEADER = 0x30n;
const SERIAL_BITS = 38;
const SERIAL_LIMIT = 1n << BigInt(SERIAL_BITS);

/**
 * Encodes an SGTIN-96 (TDS 2.x §14.5.1). The filter defaults to 1, which TDS table 10-1 reserves for the item a
 * shopper buys, so a reader at a till or shelf can select the tags that matter (0 "all others" would defeat
 * that; 3, used in the TDS's worked examples, is a reserved value). The company prefix length is required:
 * there is no GS1 Company Prefix length table here, and guessing it would write a valid-looking EPC with the
 * wrong partition. Throws ValidationFailed naming each field that makes the encoding impossible.
 */
export function encodeSgtin96({ gtin, serial, filter = 1, companyPrefixLength }: SgtinInput): EncodedEpc {
  const issues = sgtinIssues({ gtin, serial, filter, companyPrefixLength });
  const partition = partitionFor(companyPrefixLength);
  const row = partition === undefined ? undefined : partitionRow(SGTIN_PARTITION_TABLE, partition);
  // partition and row are only missing when companyPrefixLength already produced an issue.
  if (issues.length > 0 || partition === undefined || !row) throw new ValidationFailed(issues);

  // TDS §7.1: the indicator digit moves from the front of the GTIN-14 to the front of the item reference.
  const gtin14 = gtin.padStart(14, "0");
  const companyPrefix = gtin14.slice(1, 1 + companyPrefixLength);
  const itemReference = `${gtin14[0]}${gtin14.slice(1 + companyPrefixLength, 13)}`;

  let bits = SGTIN_96_HEADER;
  for (const [value, width] of [
    [BigInt(filter), 3],
    [BigInt(partition), 3],
    [BigInt(companyPrefix), row.companyPrefixBits],
    [BigInt(itemReference), row.referenceBits],
    [BigInt(serial), SERIAL_BITS],
  ] as const) {
    bits = (bits << BigInt(width)) | value;
  }
  return {
    epc: bits.toString(16).toUpperCase().padStart(24, "0"),
    tagUri: `urn:epc:tag:sgtin-96:${filter}.${companyPrefix}.${itemReference}.${serial}`,
  };
}

function sgtinIssues({ gtin, serial, filter, companyPrefixLength }: Required<SgtinInput>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) issues.push({ field: "gtin", message: "must be 8, 12, 13 or 14 digits" });
  else if (!hasValidGs1CheckDigit(gtin)) issues.push({ field: "gtin", message: `has a wrong check digit (${gtin.at(-1)})` });
  // SGTIN-96 stores the serial as a 38-bit integer, so "007" or "A1" cannot round-trip: those need SGTIN-198.
  if (!/^(0|[1-9]\d*)$/.test(serial)) {
    issues.push({ field: "serial", message: "must be digits without leading zeros in SGTIN-96 (other serials need SGTIN-198)" });
  } else if (BigInt(serial) >= SERIAL_LIMIT) {
    issues.push({ field: "serial", message: `must be below ${SERIAL_LIMIT}, the 38-bit limit of SGTIN-96` });
  }
  if (!Number.isInteger(filter) || filter < 0 || filter > 7) issues.push({ field: "filter", message: "must be an integer from 0 to 7" });
  if (!Number.isInteger(companyPrefixLength) || partitionFor(companyPrefixLength) === undefined) {
    issues.push({ field: "companyPrefixLength", message: "must be the GS1 Company Prefix's length, 6 to 12 digits" });
  }
  return issues;
}
