import { describe, expect, it } from "vitest";
import { itemInput, itemListQuery } from "./schemas";

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("itemInput", () => {
  it("keeps unit costs as exact decimal strings, from strings or numbers", () => {
    const parsed = itemInput.parse({
      sku: "A-1",
      name: "A",
      suppliers: [
        { supplier: "s1", unitCost: 12.5 },
        { supplier: "S2", unitCost: "0.1234" },
      ],
    });
    expect(parsed.suppliers.map((s) => s.unitCost)).toEqual(["12.5", "0.1234"]);
    expect(parsed.suppliers[0]).toMatchObject({ supplier: "S1", currency: "EUR", preferred: false });
  });

  it("refuses negative costs, more than 4 decimals and floats that are not what they seem", () => {
    for (const unitCost of [-1, "-0.01", "1.23456", 0.1 + 0.2, "12,50", "1e3"]) {
      const result = itemInput.safeParse({ sku: "A-1", name: "A", suppliers: [{ supplier: "S1", unitCost }] });
      expect(fieldsOf(result), String(unitCost)).toEqual(["suppliers.0.unitCost"]);
    }
  });

  it("names the barcode whose check digit is wrong, and one listed twice in another length", () => {
    expect(fieldsOf(itemInput.safeParse({ sku: "A-1", name: "A", barcodes: ["4006381333931", "4006381333932"] }))).toEqual(["barcodes.1"]);
    expect(fieldsOf(itemInput.safeParse({ sku: "A-1", name: "A", barcodes: ["4006381333931", "04006381333931"] }))).toEqual(["barcodes.1"]);
  });

  it("allows one preferred supplier and each supplier once", () => {
    const result = itemInput.safeParse({
      sku: "A-1",
      name: "A",
      suppliers: [{ supplier: "S1", preferred: true }, { supplier: "s1" }, { supplier: "S2", preferred: true }],
    });
    expect(fieldsOf(result).sort()).toEqual(["suppliers.1.supplier", "suppliers.2.preferred"]);
  });

  it("refuses a storage range whose minimum is above its maximum, and SKUs that do not fit in a URL", () => {
    expect(fieldsOf(itemInput.safeParse({ sku: "A-1", name: "A", tempMinC: 8, tempMaxC: 2 }))).toEqual(["tempMaxC"]);
    expect(fieldsOf(itemInput.safeParse({ sku: "A-1", name: "A", tempMinC: 2.25 }))).toEqual(["tempMinC"]);
    expect(fieldsOf(itemInput.safeParse({ sku: "A/1", name: "A" }))).toEqual(["sku"]);
  });

  it("parses its own output to the same value, as the route and the use case both parse", () => {
    const once = itemInput.parse({
      sku: " Drill-1 ",
      name: "Drill",
      category: "Tools>Drills",
      barcodes: ["96385074", "ALIAS 1"],
      suppliers: [{ supplier: "rhw", unitCost: 3 }],
      tempMinC: -18.5,
      attributes: { volts: 18 },
    });
    expect(itemInput.parse(once)).toEqual(once);
    expect(once).toMatchObject({ sku: "Drill-1", category: "Tools > Drills", barcodes: ["00000096385074", "ALIAS 1"], unit: "ea", tracking: "none" });
  });
});

describe("itemListQuery", () => {
  it("reads the limit from a query string and keeps it within 1..200", () => {
    expect(itemListQuery.parse({ limit: "7" }).limit).toBe(7);
    expect(itemListQuery.parse({}).limit).toBe(50);
    for (const limit of ["0", "201", "2.5", "x"]) expect(itemListQuery.safeParse({ limit }).success, limit).toBe(false);
  });
});
