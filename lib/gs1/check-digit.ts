/**
 * GS1 mod-10 check digit (GS1 General Specifications 7.9.1): weights 3 and 1 alternate from the rightmost
 * data digit. Serves GTIN-8/12/13/14, SSCC and GLN alike.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new Error("GS1 check digits are computed over digits only");
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidGs1CheckDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && gs1CheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/** A GTIN of any length, as the 14-digit form it is stored and compared in. */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, "0");
}
