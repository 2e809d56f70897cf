import { describe, expect, it } from "vitest";
import { decodeCsv } from "./decode-csv";

describe("decodeCsv", () => {
  it("decodes UTF-8 and drops the BOM", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("sku,name\nA,Müller\n")]))).toBe("sku,name\nA,Müller\n");
  });

  it("refuses text in a legacy code page instead of importing garbled names", () => {
    // "Müller" in Windows-1252: ü is the single byte 0xFC, which is not UTF-8.
    expect(() => decodeCsv(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toThrow(/not UTF-8/);
  });

  it("refuses more bytes than the limit", () => {
    expect(() => decodeCsv(new Uint8Array(11), 10)).toThrow(/larger than/);
  });
});
