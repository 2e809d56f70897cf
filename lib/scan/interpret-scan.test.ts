import { describe, expect, it } from "vitest";
import { gs1DateToIso, interpretScan } from "./interpret-scan";

const GS = "\u001d";

describe("interpretScan", () => {
  it("reads GS1-128 from a camera (]C1 and GS) into the fields a receipt needs", () => {
    const scan = interpretScan(`]C1010952123454321310ABC123${GS}17250101`);
    expect(scan).toMatchObject({ type: "gs1", fields: { gtin: "09521234543213", lot: "ABC123", expiresAt: "2025-01-01" } });
  });

  it("reads GS1 DataMatrix text that starts with FNC1 as GS, with a serial", () => {
    const scan = interpretScan(`${GS}01095212345432131725010110ABC123${GS}21S0001`);
    expect(scan).toMatchObject({ type: "gs1", fields: { gtin: "09521234543213", lot: "ABC123", serial: "S0001", expiresAt: "2025-01-01" } });
  });

  it("turns a bare EAN-13, UPC-A, EAN-8 or ITF-14 into a GTIN-14, with or without a symbology identifier", () => {
    expect(interpretScan("9521234543213")).toMatchObject({ type: "gs1", fields: { gtin: "09521234543213" } });
    expect(interpretScan("]E09521234543213")).toMatchObject({ type: "gs1", fields: { gtin: "09521234543213" } });
    expect(interpretScan("036000291452")).toMatchObject({ fields: { gtin: "00036000291452" } });
    expect(interpretScan("96385074")).toMatchObject({ fields: { gtin: "00000096385074" } });
    expect(interpretScan("]I110614141000415")).toMatchObject({ fields: { gtin: "10614141000415" } });
  });

  it("keeps digits with a wrong check digit, codes and words as text to look up", () => {
    expect(interpretScan("9521234543214")).toEqual({ type: "text", text: "9521234543214" });
    expect(interpretScan("]C0ABC-12345\r\n")).toEqual({ type: "text", text: "ABC-12345" });
    expect(interpretScan("WH1-A-01-02")).toEqual({ type: "text", text: "WH1-A-01-02" });
    expect(interpretScan("https://example.com/not-gs1")).toEqual({ type: "text", text: "https://example.com/not-gs1" });
  });

  it("reads counts, net weight and SSCC", () => {
    expect(interpretScan("(01)09521234543213(30)12")).toMatchObject({ fields: { quantity: 12 } });
    expect(interpretScan("(01)09521234543213(3102)001250")).toMatchObject({ fields: { netWeightKg: 12.5 } });
    expect(interpretScan("]C100106141412345678908")).toMatchObject({ fields: { sscc: "106141412345678908" } });
  });

  it("throws for data that claims to be GS1 but is not valid, so the caller can say why", () => {
    expect(() => interpretScan("]C1010952123454321417250101")).toThrow(/check digit/);
  });
});

describe("gs1DateToIso", () => {
  const today = new Date("2026-11-27T00:00:00Z");
  it("puts two-digit years within 49 years back and 50 ahead", () => {
    expect(gs1DateToIso("250101", today)).toBe("2025-01-01");
    expect(gs1DateToIso("761231", today)).toBe("2076-12-31");
    expect(gs1DateToIso("770101", today)).toBe("1977-01-01");
  });
  it("reads day 00 as the last day of the month", () => {
    expect(gs1DateToIso("280200", today)).toBe("2028-02-29");
    expect(gs1DateToIso("270400", today)).toBe("2027-04-30");
  });
});

describe("interpretScan of a GS1 Digital Link QR code", () => {
  it("reads the URI's path and query into fields", () => {
    expect(interpretScan("https://id.gs1.org/01/09521234543213/10/ABC123?17=250101")).toMatchObject({
      type: "gs1",
      fields: { gtin: "09521234543213", lot: "ABC123", expiresAt: "2025-01-01" },
    });
  });
});
