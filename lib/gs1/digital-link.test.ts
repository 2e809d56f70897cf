import { describe, expect, it } from "vitest";
import { escapeDigitalLinkValue, parseDigitalLink, toDigitalLink, unescapeDigitalLinkValue } from "./digital-link";
import { Gs1Invalid } from "./parse-element-string";

const GTIN = "09506000134352";

function issuesOf(read: () => unknown) {
  try {
    read();
  } catch (error) {
    if (error instanceof Gs1Invalid) return error.issues;
    throw error;
  }
  throw new Error("expected the input to be rejected");
}

const pairs = (uri: string) => parseDigitalLink(uri).elements.map((e) => `${e.ai}=${e.value}`);

describe("parseDigitalLink", () => {
  it("lists the primary key, its qualifiers in path order, then the query's AIs", () => {
    expect(pairs(`https://id.gs1.org/01/${GTIN}/10/ABC/21/S1?17=250630&3103=000500`)).toEqual([
      `01=${GTIN}`,
      "10=ABC",
      "21=S1",
      "17=250630",
      "3103=000500",
    ]);
  });

  it("gives the same element string and HRI as the bracketed form", () => {
    const parsed = parseDigitalLink(`https://id.gs1.org/01/${GTIN}/10/ABC?17=250630`);
    expect(parsed.hri).toBe(`(01)${GTIN}(10)ABC(17)250630`);
    expect(parsed.elementString).toBe(`01${GTIN}10ABC\u001d17250630`);
  });

  it("allows the resolver's own path before the primary key", () => {
    expect(pairs(`https://brand.example.com/products/info/01/${GTIN}`)).toEqual([`01=${GTIN}`]);
  });

  it("pads a GTIN-8, -12 or -13 in the path to 14 digits", () => {
    expect(pairs("https://example.com/01/9506000134352")).toEqual([`01=${GTIN}`]);
    expect(pairs("https://example.com/01/02345673")).toEqual(["01=00000002345673"]);
  });

  it("percent-decodes path and query values, with + as a space only in the query", () => {
    expect(pairs(`https://example.com/01/${GTIN}/10/A%2FB+C?99=X%2dY`)).toEqual([`01=${GTIN}`, "10=A/B+C", "99=X-Y"]);
    expect(issuesOf(() => parseDigitalLink(`https://example.com/01/${GTIN}?99=X+Y`))[0].field).toBe("(99)");
  });

  it("ignores query parameters that are not AIs and drops the fragment", () => {
    expect(pairs(`https://example.com/01/${GTIN}?linkType=gs1:pip&99=A&context#top`)).toEqual([`01=${GTIN}`, "99=A"]);
  });

  it("rejects key qualifiers out of the dictionary's order or mixed from two sequences", () => {
    expect(() => parseDigitalLink(`https://example.com/01/${GTIN}/21/S1/10/ABC`)).toThrow(/do not fit primary key \(01\)/);
    expect(() => parseDigitalLink(`https://example.com/01/${GTIN}/10/ABC/235/T1`)).toThrow(Gs1Invalid);
    expect(() => parseDigitalLink("https://example.com/00/106141411234567897/10/ABC")).toThrow(/it takes none/);
  });

  it("rejects in the query a key qualifier, an AI that is no data attribute, an unknown AI and a repeat", () => {
    expect(issuesOf(() => parseDigitalLink(`https://example.com/01/${GTIN}?10=ABC`))).toEqual([
      { field: "(10)", message: "is a key qualifier of (01): put it in the path" },
    ]);
    expect(issuesOf(() => parseDigitalLink(`https://example.com/01/${GTIN}?8200=x`))[0].message).toMatch(/not allowed/);
    expect(issuesOf(() => parseDigitalLink(`https://example.com/01/${GTIN}?999=x`))[0].message).toMatch(/not a GS1/);
    expect(issuesOf(() => parseDigitalLink(`https://example.com/01/${GTIN}?99=A&99=A`))[0].message).toMatch(/more than once/);
  });

  it("checks values and pairing rules like the element string parser", () => {
    expect(() => parseDigitalLink("https://example.com/01/09506000134353")).toThrow(/check digit/);
    expect(() => parseDigitalLink(`https://example.com/01/${GTIN}?4321=2`)).toThrow(/\(4321\)/);
  });

  it("rejects what is no Digital Link URI", () => {
    expect(() => parseDigitalLink(`ftp://example.com/01/${GTIN}`)).toThrow(/not an http or https URI/);
    expect(() => parseDigitalLink(`https://example.com/01/${GTIN}/`)).toThrow(/must not end with/);
    expect(() => parseDigitalLink(`https://example.com/01/${GTIN}<`)).toThrow(/not allowed in a URI/);
    expect(() => parseDigitalLink("https://example.com/about")).toThrow(/no GS1 primary key/);
  });

  it("says plainly that compressed URIs are not supported", () => {
    expect(() => parseDigitalLink("https://dlnkd.tn.gg/ARHKVAdpQg")).toThrow(/compressed .* not supported/);
  });
});

describe("toDigitalLink", () => {
  const el = (ai: string, value: string) => ({ ai, value });

  it("puts the key and its qualifiers in the path in the dictionary's order, the rest in the query", () => {
    expect(toDigitalLink([el("21", "S1"), el("17", "250630"), el("01", GTIN), el("10", "ABC"), el("99", "X")])).toBe(
      `https://id.gs1.org/01/${GTIN}/10/ABC/21/S1?17=250630&99=X`,
    );
  });

  it("uses the given base without a doubled slash and drops repeats with the same value", () => {
    expect(toDigitalLink([el("01", GTIN), el("01", GTIN)], "https://example.com/")).toBe(`https://example.com/01/${GTIN}`);
  });

  it("percent-escapes everything but unreserved characters", () => {
    expect(toDigitalLink([el("01", GTIN), el("10", "A/B+C"), el("99", "x y")])).toBe(`https://id.gs1.org/01/${GTIN}/10/A%2FB%2BC?99=x+y`);
  });

  it("takes the first primary key; a later one becomes a data attribute", () => {
    expect(toDigitalLink([el("414", "9520123456788"), el("01", GTIN)])).toBe(`https://id.gs1.org/414/9520123456788?01=${GTIN}`);
  });

  it("rejects data without a primary key, mixed qualifier sequences and AIs a URI cannot carry", () => {
    expect(() => toDigitalLink([el("99", "X")])).toThrow(/no GS1 Digital Link primary key/);
    expect(() => toDigitalLink([el("01", GTIN), el("235", "T"), el("10", "A")])).toThrow(/cannot qualify \(01\)/);
    expect(() => toDigitalLink([el("01", GTIN), el("8200", "x")])).toThrow(Gs1Invalid);
  });

  it("round-trips through parseDigitalLink", () => {
    const uri = `https://id.gs1.org/01/${GTIN}/22/V1/10/ABC?3103=000500&17=250630`;
    expect(toDigitalLink(parseDigitalLink(uri).elements)).toBe(uri);
  });
});

describe("escapeDigitalLinkValue and unescapeDigitalLinkValue", () => {
  it("escape reserved characters as uppercase %XX and leave malformed escapes alone", () => {
    expect(escapeDigitalLinkValue("a-._~!#", "path")).toBe("a-._~%21%23");
    expect(unescapeDigitalLinkValue("A%4fB%4g%", "path")).toBe("AOB%4g%");
    expect(unescapeDigitalLinkValue("A+B", "query")).toBe("A B");
  });
});
