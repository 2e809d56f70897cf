import { BitReader } from "./bit-reader";
import { EPC_SCHEMES, type EpcKey, type EpcScheme } from "./epc-schemes";
import { invalidEpc } from "./errors";
import { toGs1Elements, type Gs1Element } from "./gs1-elements";
import { partitionRow, type PartitionRow } from "./partition-table";
import { readEpcField, type EpcField } from "./read-epc-field";

export type DecodedEpc = {
  /** The binary encoding, as named in tag URIs: "sgtin-96", "sscc-96"… */
  scheme: string;
  /** 0–7; null for GID-96, which has none. */
  filter: number | null;
  tagUri: string;
  pureIdentityUri: string;
  elements: Gs1Element[];
};

const REFERENCE_NAMES: Record<EpcKey, [reference: string, serial: string]> = {
  sgtin: ["item reference", "serial"],
  sscc: ["serial reference", ""],
  sgln: ["location reference", "extension"],
  grai: ["asset type", "serial"],
  giai: ["individual asset reference", ""],
  gsrn: ["service reference", ""],
  gsrnp: ["service reference", ""],
  gdti: ["document type", "serial"],
  cpi: ["component/part reference", "serial"],
  sgcn: ["coupon reference", "serial"],
  gid: ["object class", "serial"],
};

// TDS 2.x table A-1: characters that must be %-escaped in an EPC URI component.
const URI_ESCAPES: Record<string, string> = {
  '"': "%22",
  "#": "%23",
  "%": "%25",
  "&": "%26",
  "/": "%2F",
  "<": "%3C",
  ">": "%3E",
  "?": "%3F",
};
const escapeUriComponent = (text: string) => text.replace(/["#%&/<>?]/g, (character) => URI_ESCAPES[character]);

/**
 * Decodes an EPC binary encoding read from a tag's EPC bank (hex, as readers report it) into its tag URI, pure
 * identity URI and GS1 element string, per the EPC Tag Data Standard 2.x §14.5. Throws ValidationFailed on field
 * "epc" when the hex is not a valid encoding of a supported scheme.
 */
export function decodeEpc(hex: string): DecodedEpc {
  const digits = hex.trim();
  if (!/^[0-9A-Fa-f]+$/.test(digits)) throw invalidEpc("must be hexadecimal digits (0-9, A-F), as a reader reports the EPC bank");
  if (digits.length < 2) throw invalidEpc("is too short to hold an 8-bit header");
  const header = Number.parseInt(digits.slice(0, 2), 16);
  const scheme = EPC_SCHEMES.find((candidate) => candidate.header === header);
  if (!scheme) throw invalidEpc(`header 0x${digits.slice(0, 2).toUpperCase()} is not an EPC binary encoding this system decodes`);
  if (scheme.bits !== undefined) checkLength(digits, scheme.bits, scheme.name);

  const reader = new BitReader(digits, scheme.name);
  reader.read(8);
  const decoded = scheme.reference ? decodeGs1Key(reader, scheme, scheme.reference) : decodeGid(reader);

  const bits = scheme.bits ?? reader.consumed;
  checkLength(digits, bits, scheme.name);
  // Unused bits (SSCC-96 and GSRN-96 end in 24) are not decoded; padding up to the word must be zero.
  reader.read(bits - reader.consumed);
  if (reader.read(reader.available - bits) !== 0n)
    throw invalidEpc(`has non-zero padding after its ${bits}-bit ${scheme.name.toUpperCase()} encoding`);
  return decoded;
}

/** Tags store the EPC in 16-bit words, so an encoding may come padded with zeros up to the next word. */
function checkLength(digits: string, bits: number, scheme: string) {
  const shortest = Math.ceil(bits / 4);
  const longest = Math.ceil(bits / 16) * 4;
  if (digits.length >= shortest && digits.length <= longest) return;
  const expected = shortest === longest ? `${shortest}` : `${shortest} to ${longest}`;
  throw invalidEpc(`${scheme.toUpperCase()} is ${bits} bits, so ${expected} hex digits; got ${digits.length}`);
}

function referenceField(kind: NonNullable<EpcScheme["reference"]>["kind"], row: PartitionRow): EpcField {
  const { referenceBits: bits, referenceDigits: digits } = row;
  switch (kind) {
    case "digits":
      return { kind, bits, digits };
    case "integer":
      return { kind, bits, maxDigits: digits };
    case "string":
      return { kind, bits, maxChars: digits };
    case "cpi":
      return { kind, maxChars: digits };
  }
}

function decodeGs1Key(reader: BitReader, scheme: EpcScheme, reference: NonNullable<EpcScheme["reference"]>): DecodedEpc {
  const filter = Number(reader.read(3));
  const partition = Number(reader.read(3));
  const row = partitionRow(reference.table, partition);
  if (!row) throw invalidEpc(`partition value ${partition} is reserved; only 0 to 6 are defined`);
  const [referenceName, serialName] = REFERENCE_NAMES[scheme.key];
  const parts = {
    companyPrefix: readEpcField(reader, { kind: "digits", bits: row.companyPrefixBits, digits: row.companyPrefixDigits }, "company prefix"),
    reference: readEpcField(reader, referenceField(reference.kind, row), referenceName),
    serial: scheme.serial ? readEpcField(reader, scheme.serial, serialName) : "",
  };
  const fields = scheme.serial ? [parts.companyPrefix, parts.reference, parts.serial] : [parts.companyPrefix, parts.reference];
  const identity = fields.map(escapeUriComponent).join(".");
  return {
    scheme: scheme.name,
    filter,
    tagUri: `urn:epc:tag:${scheme.name}:${filter}.${identity}`,
    pureIdentityUri: `urn:epc:id:${scheme.key}:${identity}`,
    elements: toGs1Elements(scheme.key, parts),
  };
}

/** GID-96 (TDS §14.6.1): general manager, object class and serial, plain integers, no filter. */
function decodeGid(reader: BitReader): DecodedEpc {
  const identity = [28, 24, 36].map((bits) => reader.read(bits).toString()).join(".");
  return {
    scheme: "gid-96",
    filter: null,
    tagUri: `urn:epc:tag:gid-96:${identity}`,
    pureIdentityUri: `urn:epc:id:gid:${identity}`,
    elements: [],
  };
}
