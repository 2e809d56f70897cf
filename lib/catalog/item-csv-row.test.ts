import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { ITEM_CSV, ITEM_CSV_COLUMNS, itemColumnOf, itemCsvTemplate, readItemRow, writeItemRow } from "./item-csv-row";
import type { ItemView } from "./schemas";

const row = (values: Record<string, string>) => ({ ...Object.fromEntries(ITEM_CSV_COLUMNS.map((c) => [c, ""])), ...values });
const read = (values: Record<string, string>, decimalComma = false) => readItemRow(row(values), { decimalComma });

describe("readItemRow", () => {
  it("turns a full row into the catalogue's input, the supplier preferred and the thresholds the item-wide default", () => {
    const { input, data, thresholds, errors } = read({
      sku: "A-1",
      name: "Drill",
      category: "Tools>Drills",
      tracking: "LOT",
      barcodes: "4006381333931 | ALIAS-1",
      supplier: "rhw",
      supplier_sku: "RW 1",
      unit_cost: "12.50",
      lead_time_days: "5",
      min_order_qty: "2",
      temp_min_c: "-18",
      temp_max_c: "4.5",
      hazard_class: "3",
      handling_notes: "Upright",
      reorder_point: "4",
      max_qty: "30",
      safety_stock: "0",
    });
    expect(errors).toEqual([]);
    expect(thresholds).toEqual({ reorderPoint: 4, max: 30, safetyStock: 0 });
    expect(input).not.toHaveProperty("attributes");
    expect(input).toMatchObject({
      tracking: "lot",
      barcodes: ["4006381333931", "ALIAS-1"],
      tempMinC: -18,
      tempMaxC: 4.5,
    });
    expect(data).toMatchObject({
      category: "Tools > Drills",
      unit: "ea",
      barcodes: ["04006381333931", "ALIAS-1"],
      suppliers: [{ supplier: "RHW", supplierSku: "RW 1", unitCost: "12.50", leadTimeDays: 5, minOrderQty: 2, preferred: true, currency: "EUR" }],
    });
  });

  it("reads decimal commas in files from semicolon-separated spreadsheets", () => {
    expect(read({ sku: "A", name: "B", supplier: "S", unit_cost: "12,50", temp_max_c: "4,5" }, true).data).toMatchObject({
      tempMaxC: 4.5,
      suppliers: [{ unitCost: "12.50" }],
    });
    expect(read({ sku: "A", name: "B", supplier: "S", unit_cost: "12,50" }, false).errors.map((e) => e.field)).toEqual(["unit_cost"]);
  });

  it("names each bad cell by its column, with the schema's own reasons", () => {
    const { input, errors } = read({
      sku: "bad sku",
      name: "",
      tracking: "batch",
      barcodes: "4006381333932",
      lead_time_days: "soon",
      reorder_point: "-1",
    });
    expect(input).toBeNull();
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: "lead_time_days", message: "Enter a whole number, like 12" },
        { field: "reorder_point", message: "Enter 0 or more" },
        { field: "supplier", message: "Name the supplier (by its code) these terms are for" },
        { field: "sku", message: "Letters, digits, dots, dashes and underscores only" },
        { field: "name", message: "Enter a name" },
        { field: "barcodes", message: "4006381333932: The check digit of this GTIN is wrong" },
        { field: "tracking", message: "Use none, lot or serial" },
      ]),
    );
    expect(read({ sku: "A", name: "B", temp_min_c: "8", temp_max_c: "2" }).errors).toEqual([
      { field: "temp_max_c", message: "Must not be below temp_min_c" },
    ]);
    expect(read({ sku: "A", name: "B", min_qty: "8", max_qty: "2" }).errors).toEqual([
      { field: "max_qty", message: "Must not be below min_qty (8)" },
    ]);
  });

  it("takes off the guard an export puts before formula-like text", () => {
    expect(read({ sku: "A", name: "'=not a formula", handling_notes: "'-5 °C max" }).data).toMatchObject({
      name: "=not a formula",
      handlingNotes: "-5 °C max",
    });
  });
});

describe("writeItemRow", () => {
  const item: ItemView = {
    sku: "A-1",
    name: '=HYPERLINK("evil")',
    description: null,
    category: "Tools > Drills",
    unit: "ea",
    tracking: "lot",
    barcodes: [
      { code: "04006381333931", kind: "gtin" },
      { code: "ALIAS-1", kind: "alias" },
    ],
    suppliers: [
      {
        supplier: "RHW",
        supplierName: "R",
        supplierSku: "RW 1",
        unitCost: "12.5000",
        currency: "EUR",
        leadTimeDays: 5,
        minOrderQty: null,
        preferred: true,
        packSize: 1,
        priceBreaks: [],
      },
      {
        supplier: "NFA",
        supplierName: "N",
        supplierSku: null,
        unitCost: null,
        currency: "EUR",
        leadTimeDays: null,
        minOrderQty: null,
        preferred: false,
        packSize: 1,
        priceBreaks: [],
      },
    ],
    storage: { tempMinC: -18, tempMaxC: null, humidityMaxPct: null, hazardClass: null, handlingNotes: null },
    attributes: { colour: "red" },
    imageUrl: null,
    costing: { method: null, standardCost: null },
    active: true,
    createdAt: "",
    updatedAt: "",
  };

  it("writes the preferred supplier, guards formulas, and reads back to the same item", () => {
    const written = writeItemRow(item, { reorderPoint: 4, min: null, max: 12 });
    expect(written).toMatchObject({
      name: '\'=HYPERLINK("evil")',
      barcodes: "04006381333931|ALIAS-1",
      supplier: "RHW",
      unit_cost: "12.5000",
      temp_min_c: "-18",
      reorder_point: "4",
      min_qty: "",
      max_qty: "12",
      lead_time_days: "5",
      min_order_qty: "",
    });
    const back = readItemRow(written, { decimalComma: false });
    expect(back.errors).toEqual([]);
    expect(back.thresholds).toEqual({ reorderPoint: 4, max: 12 });
    expect(back.data).toMatchObject({
      sku: "A-1",
      name: item.name,
      tracking: "lot",
      tempMinC: -18,
      barcodes: ["04006381333931", "ALIAS-1"],
      suppliers: [{ supplier: "RHW", unitCost: "12.5000" }],
    });
  });
});

describe("itemColumnOf", () => {
  it("maps schema paths to columns", () => {
    expect(["suppliers.0.unitCost", "barcodes.2", "reorderPoint", "tempMaxC", "suppliers"].map(itemColumnOf)).toEqual([
      "unit_cost",
      "barcodes",
      "reorder_point",
      "temp_max_c",
      "row",
    ]);
  });
});

describe("itemCsvTemplate", () => {
  it("is a file the import reads without a problem in any row", () => {
    const { rows } = parseCsv(itemCsvTemplate(), ITEM_CSV);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(readItemRow(r.values, { decimalComma: false }).errors).toEqual([]);
  });
});
