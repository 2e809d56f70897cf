/**
 * Exact arithmetic on money amounts with 4 decimals (the database's Decimal(18,4)), as integers of ten-thousandths
 * held in a bigint: sums and quantity × unit cost are exact, never rounded through a binary float.
 * Rounding: where a division does not come out even (a share, an average), the exact quotient is rounded to the
 * nearest ten-thousandth, a half away from zero (0.00005 → 0.0001, −0.00005 → −0.0001), so that −x rounds to −(x
 * rounded) and a reversal is the exact negative of what it reverses.
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

/**
 * numerator ÷ denominator rounded to the nearest integer, a half away from zero (see the header). Money times a
 * ratio is `divideRounded(amount * part, whole)`: one rounding, after an exact product.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/**
 * Splits `total` into shares proportional to `weights` that sum to `total` exactly (largest remainder): each share
 * is first rounded toward zero, then the units left over go one each to the largest remainders, the earlier
 * weight first on a tie. A negative total is split as its magnitude and negated, so splitting −x gives −(split x).
 */
export function allocateProportionally(total: bigint, weights: readonly bigint[]): bigint[] {
  const whole = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weights.some((weight) => weight < 0n)) throw new Error("Weights cannot be negative");
  if (whole === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new Error("Cannot split an amount over weights that are all zero");
  }
  const magnitude = total < 0n ? -total : total;
  const floors = weights.map((weight) => (magnitude * weight) / whole);
  const remainders = weights.map((weight, index) => ({ index, remainder: (magnitude * weight) % whole }));
  let leftOver = magnitude - floors.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftOver === 0n) break;
    floors[index] += 1n;
    leftOver -= 1n;
  }
  return total < 0n ? floors.map((share) => -share) : floors;
}
