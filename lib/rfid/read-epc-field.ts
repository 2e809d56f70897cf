import type { BitReader } from "./bit-reader";
import { invalidEpc } from "./errors";

/**
 * How one EPC field is encoded (TDS 2.x §14.3): "digits" is the partition method's zero-padded numeral,
 * "integer" a decimal without leading zeros, "string" 7-bit GS1 AI characters ending at the first zero
 * character, "cpi" 6-bit characters ending at six zero bits, "numericString" digits behind a leading 1 so that
 * leading zeros survive (SGCN serials).
 */
export type EpcField =
  | { kind: "digits"; bits: number; digits: number }
  | { kind: "integer"; bits: number; maxDigits?: number }
  | { kind: "string"; bits: number; maxChars: number }
  | { kind: "cpi"; maxChars: number }
  | { kind: "numericString"; bits: number; maxDigits: number };

// GS1 AI encodable character set 82 (GS1 General Specifications figure 7.11-1), the only characters allowed
// in 7-bit EPC strings.
const CHARACTER_SET_82 = /^[!"%-?A-Z_a-z]$/;
// Character set 39 (digits, capitals, # - /), what a CPI component/part reference may hold.
const CHARACTER_SET_39 = /^[#\-/0-9A-Z]$/;

/** Reads one field and returns its text as it appears in the EPC URI, before %-escaping. */
export function readEpcField(reader: BitReader, field: EpcField, name: string): string {
  switch (field.kind) {
    case "digits":
      return readDigits(reader, field.bits, field.digits, name);
    case "integer": {
      const value = reader.read(field.bits).toString();
      if (field.maxDigits !== undefined && value.length > field.maxDigits) {
        throw invalidEpc(`${name} ${value} has more than the ${field.maxDigits} digits the standard allows it here`);
      }
      return value;
    }
    case "string":
      return readString(reader, field.bits, field.maxChars, name);
    case "cpi":
      return readCpiString(reader, field.maxChars, name);
    case "numericString": {
      const value = reader.read(field.bits).toString();
      if (!value.startsWith("1") || value.length < 2 || value.length > field.maxDigits + 1) {
        throw invalidEpc(`${name} is not a numeric string of 1 to ${field.maxDigits} digits (the encoded value must be 1 followed by them)`);
      }
      return value.slice(1);
    }
  }
}

function readDigits(reader: BitReader, bits: number, digits: number, name: string): string {
  const value = reader.read(bits);
  // TDS §14.3.3: a value of 10^digits or more cannot come from a valid GS1 key.
  if (value >= 10n ** BigInt(digits)) throw invalidEpc(`${name} ${value} does not fit in ${digits} digits`);
  return digits === 0 ? "" : value.toString().padStart(digits, "0");
}

function readString(reader: BitReader, bits: number, maxChars: number, name: string): string {
  let text = "";
  let ended = false;
  const characters = Math.min(maxChars, Math.floor(bits / 7));
  for (let i = 0; i < characters; i++) {
    const code = Number(reader.read(7));
    if (code === 0) {
      ended = true;
      continue;
    }
    if (ended) throw invalidEpc(`${name} has data after its terminating zero character`);
    const character = String.fromCharCode(code);
    if (!CHARACTER_SET_82.test(character)) {
      throw invalidEpc(`${name} contains 0x${code.toString(16).padStart(2, "0")}, which is not in the GS1 AI character set 82`);
    }
    text += character;
  }
  if (reader.read(bits - characters * 7) !== 0n) throw invalidEpc(`${name} has non-zero bits after its ${maxChars} characters`);
  if (text === "") throw invalidEpc(`${name} is empty`);
  return text;
}

function readCpiString(reader: BitReader, maxChars: number, name: string): string {
  let text = "";
  for (let code = Number(reader.read(6)); code !== 0; code = Number(reader.read(6))) {
    // TDS table I.3.1-1: 6-bit codes below 32 stand for 0x40 + code (the capitals), the rest for themselves.
    const character = String.fromCharCode(code < 32 ? 0x40 + code : code);
    if (!CHARACTER_SET_39.test(character)) throw invalidEpc(`${name} contains the 6-bit code ${code}, which is not in the CPI character set`);
    text += character;
    if (text.length > maxChars) throw invalidEpc(`${name} is longer than the ${maxChars} characters its partition allows`);
  }
  if (text === "") throw invalidEpc(`${name} is empty`);
  return text;
}
