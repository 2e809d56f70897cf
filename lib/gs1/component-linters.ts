// The GS1 Barcode Syntax Tests ("linters") that the Barcode Syntax Dictionary names after a component's type, e.g.
// "N3,iso3166". Each returns why the component fails, in the user's words, or undefined when it passes.
import { gs1CheckDigit, hasValidGs1CheckDigit } from "./check-digit";
import { lintCompanyPrefix } from "./lint-company-prefix";
import { lintCouponCode, lintCouponPosOffer } from "./coupon-linters";
import { lintDate } from "./lint-date";
import { countryAlpha2Codes, countryNumericCodes, currencyNumericCodes } from "./iso-code-lists";

export type ComponentLinter = (component: string) => string | undefined;

/** GS1 General Specifications 7.11, figure 7.11-1: CSET 82 in the order that gives each character its value. */
const cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
/** The 32 characters a GS1 check character pair is drawn from (GenSpecs 7.9.5). */
const cset32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const isDigits = (s: string) => /^\d+$/.test(s);
const oneOf =
  (values: readonly string[], what: string): ComponentLinter =>
  (s) =>
    values.includes(s) ? undefined : `${JSON.stringify(s)} is not ${what}`;
const charset =
  (pattern: RegExp, name: string): ComponentLinter =>
  (s) =>
    pattern.test(s) ? undefined : `${JSON.stringify(s)} must contain ${name} only`;
const inRange =
  (digits: number, max: number, what: string): ComponentLinter =>
  (s) =>
    new RegExp(`^\\d{${digits}}$`).test(s) && Number(s) <= max ? undefined : `${JSON.stringify(s)} is not ${what}`;

export const componentLinters: Record<string, ComponentLinter> = {
  csum: (digits) =>
    hasValidGs1CheckDigit(digits)
      ? undefined
      : /^\d{2,}$/.test(digits)
        ? `check digit of ${digits} is wrong: expected ${gs1CheckDigit(digits.slice(0, -1))}`
        : `${digits} is not a number with a check digit`,
  csumalpha: lintCheckCharacterPair,
  csetnumeric: charset(/^\d*$/, "digits"),
  cset82: charset(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/, "characters of GS1 CSET 82"),
  cset39: charset(/^[#\-/0-9A-Z]*$/, "characters of GS1 CSET 39"),
  cset64: lintBase64Url,
  gcppos1: lintCompanyPrefix,
  // The GS1 Company Prefix starts after the indicator or extension digit.
  gcppos2: (data) => (data.length < 2 ? `${JSON.stringify(data)} is too short to hold a GS1 Company Prefix` : lintCompanyPrefix(data.slice(1))),
  yymmdd: (date) => lintDate(date, 2, false),
  yymmd0: (date) => lintDate(date, 2, true),
  yyyymmdd: (date) => lintDate(date, 4, false),
  yyyymmd0: (date) => lintDate(date, 4, true),
  hhmi: (time) => (/^([01]\d|2[0-3])[0-5]\d$/.test(time) ? undefined : `${time} is not a time of day HHMM`),
  hh: (hour) => (/^([01]\d|2[0-3])$/.test(hour) ? undefined : `${JSON.stringify(hour)} is not an hour 00 to 23`),
  mi: (minute) => (/^[0-5]\d$/.test(minute) ? undefined : `${JSON.stringify(minute)} is not a minute 00 to 59`),
  ss: (second) => (/^[0-5]\d$/.test(second) ? undefined : `${JSON.stringify(second)} is not a second 00 to 59`),
  zero: (s) => (/^0+$/.test(s) ? undefined : `${JSON.stringify(s)} must be zero`),
  nonzero: (s) => (isDigits(s) && /[1-9]/.test(s) ? undefined : `${JSON.stringify(s)} must be a number other than zero`),
  nozeroprefix: (s) => (/^(|[1-9]\d*)$/.test(s) ? undefined : `${JSON.stringify(s)} must be digits without a leading zero`),
  hasnondigit: (s) => (/\D/.test(s) ? undefined : `${JSON.stringify(s)} must contain a character other than a digit`),
  hyphen: (s) => (/^-+$/.test(s) ? undefined : `${JSON.stringify(s)} must be hyphens only`),
  yesno: oneOf(["0", "1"], "0 (no) or 1 (yes)"),
  winding: oneOf(["0", "1", "9"], "a winding direction 0, 1 or 9"),
  iso5218: oneOf(["0", "1", "2", "9"], "an ISO/IEC 5218 sex code 0, 1, 2 or 9"),
  // GS1 General Specifications, AI (7241): media types 01-10 are assigned, 80-99 are for mutually agreed use.
  mediatype: (s) => (/^(0[1-9]|10|[89]\d)$/.test(s) ? undefined : `${JSON.stringify(s)} is not an AIDC media type 01 to 10 or 80 to 99`),
  importeridx: charset(/^[-0-9A-Z_a-z]$/, "one character 0-9, A-Z, a-z, - or _"),
  iso3166: (s) => (countryNumericCodes.has(s) ? undefined : `${JSON.stringify(s)} is not an ISO 3166 numeric country code`),
  // 999 stands for "origin unknown or not disclosed" where the dictionary allows it.
  iso3166999: (s) => (s === "999" || countryNumericCodes.has(s) ? undefined : `${JSON.stringify(s)} is not an ISO 3166 numeric country code or 999`),
  iso3166alpha2: (s) => (countryAlpha2Codes.has(s) ? undefined : `${JSON.stringify(s)} is not an ISO 3166 alpha-2 country code`),
  iso4217: (s) => (currencyNumericCodes.has(s) ? undefined : `${JSON.stringify(s)} is not an ISO 4217 numeric currency code`),
  // Degrees scaled by 10^7 and offset so they are never negative: latitude + 90, longitude + 180.
  latitude: inRange(10, 1_800_000_000, "a latitude of 10 digits up to 1800000000"),
  longitude: inRange(10, 3_600_000_000, "a longitude of 10 digits up to 3600000000"),
  pcenc: (s) => (/%(?![0-9A-Fa-f]{2})/.test(s) ? `${JSON.stringify(s)} has a "%" not followed by two hex digits` : undefined),
  pieceoftotal: lintPieceOfTotal,
  posinseqslash: lintPositionInSequence,
  iban: lintIban,
  couponcode: lintCouponCode,
  couponposoffer: lintCouponPosOffer,
};

/** GS1 General Specifications 7.9.5: two check characters over CSET 82 values weighted by primes from the right. */
function lintCheckCharacterPair(data: string): string | undefined {
  if (data.length < 2) return `${JSON.stringify(data)} is too short to end with a check character pair`;
  const body = data.slice(0, -2);
  const weights = primes(body.length);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = cset82.indexOf(body[i]);
    if (value < 0) return `${JSON.stringify(data)} must contain characters of GS1 CSET 82 only`;
    sum += value * weights[body.length - 1 - i];
  }
  sum %= 1021;
  const expected = cset32[Math.floor(sum / 32)] + cset32[sum % 32];
  return data.endsWith(expected) ? undefined : `check characters of ${data} are wrong: expected ${expected}`;
}

function primes(count: number): number[] {
  const found: number[] = [];
  for (let n = 2; found.length < count; n++) if (found.every((p) => n % p !== 0)) found.push(n);
  return found;
}

/** CSET 64 (base64url), with up to two "=" padding characters only where they complete a multiple of three. */
function lintBase64Url(data: string): string | undefined {
  const body = data.replace(/=+$/, "");
  const padding = data.length - body.length;
  if (padding > 2 || (padding > 0 && data.length % 3 !== 0)) return `${JSON.stringify(data)} has wrong "=" padding`;
  return /^[A-Za-z0-9\-_]*$/.test(body) ? undefined : `${JSON.stringify(data)} must contain characters of GS1 CSET 64 only`;
}

/** Piece number and total count, each half the digits: "0103" is piece 1 of 3. */
function lintPieceOfTotal(data: string): string | undefined {
  if (!isDigits(data) || data.length % 2 !== 0) return `${JSON.stringify(data)} is not a piece number and total of equal length`;
  const [piece, total] = [Number(data.slice(0, data.length / 2)), Number(data.slice(data.length / 2))];
  if (piece === 0 || total === 0) return `${JSON.stringify(data)}: piece number and total must not be zero`;
  return piece <= total ? undefined : `${JSON.stringify(data)}: piece ${piece} is beyond the total of ${total}`;
}

/** "position/total", e.g. "2/3", without leading zeros. */
function lintPositionInSequence(data: string): string | undefined {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(data);
  if (!match) return `${JSON.stringify(data)} is not a position and total like 2/3`;
  return Number(match[1]) <= Number(match[2]) ? undefined : `${JSON.stringify(data)}: position is beyond the total`;
}

/** ISO 13616: country code, two check digits, then the account; mod 97 of the rearranged number must be 1. */
function lintIban(iban: string): string | undefined {
  if (!/^[A-Z]{2}\d{2}[0-9A-Z]+$/.test(iban)) return `${JSON.stringify(iban)} is not an IBAN`;
  if (!countryAlpha2Codes.has(iban.slice(0, 2))) return `${iban} does not start with an ISO 3166 country code`;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1 ? undefined : `check digits of IBAN ${iban} are wrong`;
}
