import { describe, expect, it } from "vitest";
import { gs1CheckDigit } from "../gs1/check-digit";
import { designLabel } from "./design-label";
import type { LabelSubject } from "./label-subject";
import { renderLabelZpl } from "./render-label-zpl";

const GTIN14 = `0${"950600013435"}${gs1CheckDigit("950600013435")}`;
const item = { sku: "SKU-1", name: "Cordless drill" };

const zplOf = (subjects: LabelSubject[], size: "4x6" | "62mm" = "4x6") => renderLabelZpl(subjects.map(designLabel), size);
const formats = (zpl: string) => zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];

describe("renderLabelZpl", () => {
  it("writes one ^XA…^XZ format per label, sized for 4×6 in at 203 dpi, with nothing outside them", () => {
    const zpl = zplOf([
      { kind: "item", ...item, gtin: null },
      { kind: "bin", code: "WH1-A-01", name: "Bin" },
      { kind: "sscc", sscc: "034000012345678900" },
    ]);
    const labels = formats(zpl);
    expect(labels).toHaveLength(3);
    expect(zpl.replace(/\^XA[\s\S]*?\^XZ/g, "").trim()).toBe("");
    for (const label of labels) expect(label).toMatch(/^\^XA\n\^CI28\n\^PW812\n\^LL1218\n/);
  });

  it("sizes 62 mm labels as 496 × 799 dots (62 × 100 mm)", () => {
    expect(zplOf([{ kind: "item", ...item, gtin: null }], "62mm")).toContain("^PW496\n^LL799");
  });

  it("refuses an A4 sheet, which is not a Zebra label", () => {
    expect(() => renderLabelZpl([], "a4")).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });

  it("uses ^BE for an EAN-13, giving the printer the 12 digits it adds the check digit to", () => {
    expect(zplOf([{ kind: "item", ...item, gtin: GTIN14 }])).toMatch(/\^BEN,\d+,Y,N\^FD950600013435\^FS/);
  });

  it("uses ^BC in UCC/EAN mode with the bracketed element string for GS1-128", () => {
    const zpl = zplOf([{ kind: "lot", ...item, gtin: GTIN14, lot: "L1", expiresOn: new Date("2031-01-31T00:00:00Z") }]);
    expect(zpl).toContain(`^BCN,160,Y,N,N,D^FH^FD(01)${GTIN14}(17)310131(10)L1^FS`);
  });

  it("uses ^BX ECC 200 with FNC1 first for a GS1 DataMatrix", () => {
    const zpl = zplOf([{ kind: "serial", ...item, gtin: GTIN14, serial: "SN_1" }]);
    expect(zpl).toContain(`^BXN,10,200,,,,\\^FD\\101${GTIN14}21SN_1^FS`);
  });

  it("gives a bin a Code 128 and a QR code of its code", () => {
    const zpl = zplOf([{ kind: "bin", code: "WH1-A-01", name: "Bin" }]);
    expect(zpl).toMatch(/\^BCN,160,Y,N,N\^FH\^FDWH1-A-01\^FS/);
    expect(zpl).toMatch(/\^BQN,2,8\^FH\^FDQA,WH1-A-01\^FS/);
  });

  it("escapes ZPL's own characters in text so a name cannot end the field or start a command", () => {
    const zpl = zplOf([{ kind: "item", sku: "A>B", name: "50% ^off ~now_", gtin: null }]);
    expect(zpl).toContain("^FD50% _5Eoff _7Enow_5F^FS");
    expect(zpl).toContain("^BCN,160,Y,N,N^FH^FDA><B^FS");
    expect(formats(zpl)).toHaveLength(1);
  });

  it("turns a linear symbol too wide for a 62 mm label along its length rather than print bars too thin to scan", () => {
    const zpl = zplOf([{ kind: "lot", ...item, gtin: GTIN14, lot: "L-2031/7", expiresOn: new Date("2031-01-31T00:00:00Z") }], "62mm");
    expect(zpl).toMatch(/\^BY2\^BCR,\d+,Y,N,N,D\^FH\^FD\(01\)/);
    expect(zplOf([{ kind: "item", ...item, gtin: GTIN14 }], "62mm")).toMatch(/\^BY3\^BEN,/);
  });

  it("keeps every field on the label: positions inside the print width and length", () => {
    const zpl = zplOf(
      [
        { kind: "lot", ...item, gtin: GTIN14, lot: "L1", expiresOn: null },
        { kind: "bin", code: "WH1-A-01", name: "Bin" },
      ],
      "62mm",
    );
    for (const [, x, y] of zpl.matchAll(/\^FO(\d+),(\d+)/g)) {
      expect(Number(x)).toBeLessThan(496);
      expect(Number(y)).toBeLessThan(799);
    }
  });
});
