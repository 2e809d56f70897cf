import { describe, expect, it } from "vitest";
import { lintCouponCode, lintCouponPosOffer } from "./coupon-linters";

// GCP VLI 0 + 6-digit prefix, offer code, save value (VLI 1), purchase requirement (VLI 1), code 1, family 123.
const MINIMAL = "0123456" + "123456" + "11" + "11" + "1" + "123";

describe("lintCouponCode (AI 8110)", () => {
  it("accepts the mandatory fields alone", () => {
    expect(lintCouponCode(MINIMAL)).toBeUndefined();
  });

  it("rejects a length indicator out of range and a truncated field", () => {
    expect(lintCouponCode("7" + MINIMAL.slice(1))).toMatch(/length indicator of the GS1 Company Prefix 7/);
    expect(lintCouponCode(MINIMAL.slice(0, -1))).toMatch(/first purchase family code is missing or too short/);
  });

  it("accepts optional fields in order and rejects digits left over", () => {
    expect(lintCouponCode(`${MINIMAL}3251231` + "4250101")).toBeUndefined();
    expect(lintCouponCode(`${MINIMAL}0`)).toMatch(/more digits than its fields/);
  });

  it("rejects a start date after the expiration date", () => {
    expect(lintCouponCode(`${MINIMAL}3250101` + "4251231")).toMatch(/before start date/);
  });

  it("checks the miscellaneous field's codes", () => {
    expect(lintCouponCode(`${MINIMAL}9` + "0001")).toBeUndefined();
    expect(lintCouponCode(`${MINIMAL}9` + "3001")).toMatch(/save value code 3/);
  });

  it("rejects non-digits", () => {
    expect(lintCouponCode(`a${MINIMAL.slice(1)}`)).toMatch(/must be digits/);
  });
});

describe("lintCouponPosOffer (AI 8112)", () => {
  it("accepts format, funder, offer code and serial number", () => {
    expect(lintCouponPosOffer("0" + "0123456" + "123456" + "0123456")).toBeUndefined();
  });

  it("rejects an unknown format and a short serial number", () => {
    expect(lintCouponPosOffer("2" + "0123456" + "123456" + "0123456")).toMatch(/coupon format 2/);
    expect(lintCouponPosOffer("0" + "0123456" + "123456" + "012345")).toMatch(/serial number is missing or too short/);
  });
});
