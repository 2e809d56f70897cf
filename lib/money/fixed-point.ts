/**
 * Exact arithmetic on money amounts with 4 decimals (the database's Decimal(18,4)), as integers of ten-thousandths
 * held in a bigint: sums and quantity × unit cost are exact, never rounded through a binary float.
 */
const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);

/** "12.5" → 125000n. Accepts what Decimal(18,4) holds: an optional sign, digits, at most 4 decimals. */
export function toTenThousandths(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount with at most ${SCALE} decimals: ${amount}`);
  const [, sign, whole, fraction = ""] = match;
  const value = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(SCALE, "0"));
  return sign ? -value : value;
}

/** 125000n → "12.5000". */
export function fromTenThousandths(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / FACTOR;
  const fraction = (magnitude % FACTOR).toString().padStart(SCALE, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** quantity × unit cost, exactly. */
export function lineAmount(quantity: number, unitCost: string): string {
  if (!Number.isSafeInteger(quantity)) throw new Error(`Not a whole quantity: ${quantity}`);
  return fromTenThousandths(BigInt(quantity) * toTenThousandths(unitCost));
}

/** The exact sum of amounts. */
export function sumAmounts(amounts: readonly string[]): string {
  return fromTenThousandths(amounts.reduce((sum, amount) => sum + toTenThousandths(amount), 0n));
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  const x = toTenThousandths(a);
  const y = toTenThousandths(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
