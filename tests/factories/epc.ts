// Builds EPC binary encodings field by field, for decoder tests that need values no TDS example covers.

/** Packs [value, bits] fields into hex, padded with zero bits to `totalBits` rounded up to a hex digit. */
export function epcHex(fields: readonly (readonly [bigint | number, number])[], totalBits: number): string {
  let value = 0n;
  let used = 0;
  for (const [field, bits] of fields) {
    value = (value << BigInt(bits)) | BigInt(field);
    used += bits;
  }
  const padded = Math.ceil(totalBits / 4) * 4;
  return (value << BigInt(padded - used))
    .toString(16)
    .toUpperCase()
    .padStart(padded / 4, "0");
}

/** 7-bit characters of an EPC string field, as [value, bits] pairs. */
export const chars7 = (text: string): [number, number][] => [...text].map((c) => [c.charCodeAt(0), 7]);
