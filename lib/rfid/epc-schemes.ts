import type { PartitionTable } from "./partition-table";
import type { EpcField } from "./read-epc-field";

/** The GS1 key an EPC carries, as named in its pure identity URI (urn:epc:id:<key>:…). */
export type EpcKey = "sgtin" | "sscc" | "sgln" | "grai" | "giai" | "gsrn" | "gsrnp" | "gdti" | "cpi" | "sgcn" | "gid";

/**
 * The layout after header, filter and partition: how the reference after the company prefix is encoded (with
 * the totals of its partition table) and the serial field, if any. GID-96 has neither filter nor partition.
 */
export type EpcScheme = {
  name: string;
  header: number;
  /** Absent for CPI-var, whose length follows from its content. */
  bits?: number;
  key: EpcKey;
  /** Absent for GID-96, which has no company prefix either. */
  reference?: { kind: "digits" | "integer" | "string" | "cpi"; table: PartitionTable };
  serial?: Exclude<EpcField, { kind: "digits" } | { kind: "cpi" }>;
};

/** SGTIN's table (TDS 2.x §14.5.1): GS1 Company Prefix and indicator digit + item reference, 44 bits, 13 digits. */
export const SGTIN_PARTITION_TABLE: PartitionTable = { bits: 44, digits: 13 };

const integerSerial = (bits: number, maxDigits?: number) => ({ kind: "integer", bits, maxDigits }) as const;
const stringSerial = (bits: number, maxChars: number) => ({ kind: "string", bits, maxChars }) as const;
const digitsReference = (bits: number, total: number) => ({ kind: "digits", table: { bits, digits: total } }) as const;

/** Binary encodings by header byte (TDS 2.x table 14-1). SSCC-96 and GSRN(P)-96 end in 24 unused bits. */
export const EPC_SCHEMES: readonly EpcScheme[] = [
  { name: "sgtin-96", header: 0x30, bits: 96, key: "sgtin", reference: { kind: "digits", table: SGTIN_PARTITION_TABLE }, serial: integerSerial(38) },
  {
    name: "sgtin-198",
    header: 0x36,
    bits: 198,
    key: "sgtin",
    reference: { kind: "digits", table: SGTIN_PARTITION_TABLE },
    serial: stringSerial(140, 20),
  },
  { name: "sscc-96", header: 0x31, bits: 96, key: "sscc", reference: digitsReference(58, 17) },
  { name: "sgln-96", header: 0x32, bits: 96, key: "sgln", reference: digitsReference(41, 12), serial: integerSerial(41) },
  { name: "sgln-195", header: 0x39, bits: 195, key: "sgln", reference: digitsReference(41, 12), serial: stringSerial(140, 20) },
  { name: "grai-96", header: 0x33, bits: 96, key: "grai", reference: digitsReference(44, 12), serial: integerSerial(38) },
  { name: "grai-170", header: 0x37, bits: 170, key: "grai", reference: digitsReference(44, 12), serial: stringSerial(112, 16) },
  // GIAI-96's asset reference is an integer of up to 13 digits (P = 0, 42 bits) to 19 (P = 6, 62 bits): 25 in all.
  { name: "giai-96", header: 0x34, bits: 96, key: "giai", reference: { kind: "integer", table: { bits: 82, digits: 25 } } },
  { name: "giai-202", header: 0x38, bits: 202, key: "giai", reference: { kind: "string", table: { bits: 188, digits: 30 } } },
  { name: "gsrn-96", header: 0x2d, bits: 96, key: "gsrn", reference: digitsReference(58, 17) },
  { name: "gsrnp-96", header: 0x2e, bits: 96, key: "gsrnp", reference: digitsReference(58, 17) },
  { name: "gdti-96", header: 0x2c, bits: 96, key: "gdti", reference: digitsReference(41, 12), serial: integerSerial(41) },
  { name: "gdti-174", header: 0x3e, bits: 174, key: "gdti", reference: digitsReference(41, 12), serial: stringSerial(119, 17) },
  { name: "cpi-96", header: 0x3c, bits: 96, key: "cpi", reference: { kind: "integer", table: { bits: 51, digits: 15 } }, serial: integerSerial(31) },
  // CPI-var's 40-bit serial could hold 13 digits; TDS caps it at 12, the length of AI 8011.
  { name: "cpi-var", header: 0x3d, key: "cpi", reference: { kind: "cpi", table: { bits: 0, digits: 30 } }, serial: integerSerial(40, 12) },
  {
    name: "sgcn-96",
    header: 0x3f,
    bits: 96,
    key: "sgcn",
    reference: digitsReference(41, 12),
    serial: { kind: "numericString", bits: 41, maxDigits: 12 },
  },
  { name: "gid-96", header: 0x35, bits: 96, key: "gid" },
];
