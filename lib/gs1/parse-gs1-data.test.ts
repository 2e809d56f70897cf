import { describe, expect, it } from "vitest";
import { Gs1Invalid } from "./parse-element-string";
import { parseGs1Data } from "./parse-gs1-data";

const GTIN = "09506000134352";

describe("parseGs1Data", () => {
  it("reads a bracketed element string and gives its Digital Link", () => {
    const reading = parseGs1Data(`(01)${GTIN}(10)ABC(17)250630`);
    expect(reading.hri).toBe(`(01)${GTIN}(10)ABC(17)250630`);
    expect(reading.digitalLink).toBe(`https://id.gs1.org/01/${GTIN}/10/ABC?17=250630`);
  });

  it("reads raw scanner text", () => {
    expect(parseGs1Data(`]d201${GTIN}10ABC`).digitalLink).toBe(`https://id.gs1.org/01/${GTIN}/10/ABC`);
  });

  it("reads a Digital Link URI, whatever the case of its scheme, and answers with the canonical link", () => {
    const reading = parseGs1Data(`HTTPS://brand.example.com/p/01/9506000134352?17=250630&linkType=all`);
    expect(reading.hri).toBe(`(01)${GTIN}(17)250630`);
    expect(reading.digitalLink).toBe(`https://id.gs1.org/01/${GTIN}?17=250630`);
  });

  it("gives no Digital Link without a primary key or when an AI cannot go in a URI", () => {
    expect(parseGs1Data("(400)PO-1").digitalLink).toBeUndefined();
    const reading = parseGs1Data(`(01)${GTIN}(8200)http://example.com`);
    expect(reading.elements).toHaveLength(2);
    expect(reading.digitalLink).toBeUndefined();
  });

  it("throws Gs1Invalid for invalid data of either kind", () => {
    expect(() => parseGs1Data("(01)09506000134353")).toThrow(Gs1Invalid);
    expect(() => parseGs1Data(`https://id.gs1.org/01/${GTIN}/21/S/10/L`)).toThrow(Gs1Invalid);
  });
});
