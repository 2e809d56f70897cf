// Linters for the North American coupon AIs (8110) and (8112), whose data is a sequence of fields, several of them
// led by a variable length indicator (VLI) digit: "North American Coupon Application Guideline Using GS1 DataBar
// Expanded Symbols" (AI 8110) and "Paperless Coupon" (AI 8112).
import { lintCompanyPrefix } from "./lint-company-prefix";
import { lintDate } from "./lint-date";

/** Why the coupon data stops being readable; thrown by the reader, turned into the linter's answer. */
class CouponFault extends Error {}

/** Reads the coupon's fields left to right. */
class CouponReader {
  private pos = 0;
  constructor(private readonly data: string) {}

  get isAtEnd(): boolean {
    return this.pos >= this.data.length;
  }

  /** Consumes the indicator digit of an optional field when that field comes next. */
  hasField(indicator: string): boolean {
    if (this.data[this.pos] !== indicator) return false;
    this.pos++;
    return true;
  }

  take(length: number, what: string): string {
    if (this.data.length - this.pos < length) throw new CouponFault(`${what} is missing or too short`);
    const part = this.data.slice(this.pos, this.pos + length);
    this.pos += length;
    return part;
  }

  /** One digit that must be one of `allowed`. */
  code(allowed: string, what: string): string {
    const digit = this.take(1, what);
    if (!allowed.includes(digit)) throw new CouponFault(`${what} ${digit} is not one of ${[...allowed].join(", ")}`);
    return digit;
  }

  /** A VLI digit, then that many digits plus `base`; "9" means "not given" where allowed (nine unused). */
  sized(allowedVli: string, base: number, what: string, isNoneAllowed = false): string | undefined {
    const vli = this.code(allowedVli + (isNoneAllowed ? "9" : ""), `length indicator of the ${what}`);
    if (isNoneAllowed && vli === "9") return undefined;
    return this.take(base + Number(vli), what);
  }

  companyPrefix(allowedVli: string, what: string, isNoneAllowed = false): void {
    const prefix = this.sized(allowedVli, 6, what, isNoneAllowed);
    const problem = prefix === undefined ? undefined : lintCompanyPrefix(prefix);
    if (problem) throw new CouponFault(`${what}: ${problem}`);
  }

  date(what: string): string {
    const date = this.take(6, what);
    if (lintDate(date, 2, false)) throw new CouponFault(`${what} ${date} is not a date YYMMDD`);
    return date;
  }

  /** Purchase requirement value, its code and the three-digit family code. */
  purchaseRequirement(which: string): void {
    this.sized("12345", 0, `${which} purchase requirement`);
    this.code("012349", `${which} purchase requirement code`);
    this.take(3, `${which} purchase family code`);
  }
}

function lintFields(data: string, read: (reader: CouponReader) => void): string | undefined {
  if (!/^\d+$/.test(data)) return `coupon data ${JSON.stringify(data)} must be digits`;
  const reader = new CouponReader(data);
  try {
    read(reader);
    if (!reader.isAtEnd) return "coupon data has more digits than its fields";
    return undefined;
  } catch (error) {
    if (error instanceof CouponFault) return `coupon data: ${error.message}`;
    throw error;
  }
}

/** AI (8110): the mandatory fields, then optional fields 1-6 and 9, each at most once and in that order. */
export function lintCouponCode(data: string): string | undefined {
  return lintFields(data, (reader) => {
    reader.companyPrefix("0123456", "GS1 Company Prefix");
    reader.take(6, "offer code");
    reader.sized("12345", 0, "save value");
    reader.purchaseRequirement("first");
    if (reader.hasField("1")) {
      reader.code("0123", "additional purchase rules code");
      reader.purchaseRequirement("second");
      reader.companyPrefix("0123456", "second purchase GS1 Company Prefix", true);
    }
    if (reader.hasField("2")) {
      reader.purchaseRequirement("third");
      reader.companyPrefix("0123456", "third purchase GS1 Company Prefix", true);
    }
    const expiry = reader.hasField("3") ? reader.date("expiration date") : undefined;
    if (reader.hasField("4")) {
      const start = reader.date("start date");
      // Same century window for both dates, so comparing the YYMMDD text compares the dates.
      if (expiry !== undefined && start > expiry) throw new CouponFault(`expiration date ${expiry} is before start date ${start}`);
    }
    if (reader.hasField("5")) reader.sized("0123456789", 6, "serial number");
    if (reader.hasField("6")) reader.companyPrefix("1234567", "retailer GS1 Company Prefix or GLN");
    if (reader.hasField("9")) {
      reader.code("01256", "save value code");
      reader.code("012", "save value applies to item");
      reader.take(1, "store coupon flag");
      reader.code("01", "don't multiply flag");
    }
  });
}

/** AI (8112): format code, coupon funder ID, offer code and serial number. */
export function lintCouponPosOffer(data: string): string | undefined {
  return lintFields(data, (reader) => {
    reader.code("01", "coupon format");
    reader.companyPrefix("0123456", "coupon funder ID");
    reader.take(6, "offer code");
    reader.sized("0123456789", 6, "serial number");
  });
}
