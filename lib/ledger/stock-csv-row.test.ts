import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { readStockRow, STOCK_CSV, STOCK_CSV_COLUMNS, stockColumnOf, stockCsvTemplate, writeStockRow } from "./stock-csv-row";

const row = (values: Record<string, string>) => ({ ...Object.fromEntries(STOCK_CSV_COLUMNS.map((c) => [c, ""])), ...values });
const read = (values: Record<string, string>, decimalComma = false) => readStockRow(row(values), { decimalComma });

describe("readStockRow", () => {
  it("makes a receipt with the opening-stock reference unless the row names one", () => {
    expect(read({ sku: "A-1", location: "wh1-a01-01", quantity: "12", unit_cost: "1,5" }, true)).toMatchObject({
      errors: [],
      data: { kind: "receive", sku: "A-1", to: "WH1-A01-01", quantity: 12, reason: "received", reference: "OPENING-STOCK", unitCost: "1.5" },
    });
    expect(
      read({ sku: "A-1", location: "B", quantity: "1", lot: "L1", expires: "2027-03-31", serials: "S1|S2 S3", reference: "COUNT-7" }).data,
    ).toMatchObject({
      lot: "L1",
      expiresAt: "2027-03-31",
      serials: ["S1", "S2", "S3"],
      reference: "COUNT-7",
    });
  });

  it("names each bad cell by its column", () => {
    const fields = (values: Record<string, string>) => read(values).errors.map((e) => `${e.field}: ${e.message}`);
    expect(fields({ sku: "A", location: "B", quantity: "1.5" })).toEqual(["quantity: Enter a whole number of units, like 12"]);
    expect(fields({ sku: "A", location: "B", quantity: "" })).toEqual(["quantity: Enter the quantity"]);
    expect(fields({ sku: "A", location: "B", quantity: "0" })).toEqual(["quantity: Move at least 1 unit"]);
    expect(fields({ sku: "A", location: "", quantity: "1" })).toEqual(["location: Name the location the stock is in"]);
    expect(fields({ sku: "A", location: "B", quantity: "1", lot: "L", expires: "31/03/2027" })).toEqual(["expires: Use a date like 2027-03-31"]);
    expect(fields({ sku: "A", location: "B", quantity: "1", expires: "2027-03-31" })).toEqual(["expires: Name the lot this expiry date belongs to"]);
    expect(fields({ sku: "A", location: "B", quantity: "2", serials: "S1 S1" })).toEqual(["serials: A serial is listed twice"]);
  });
});

describe("writeStockRow", () => {
  it("writes a level so that it reads back as the same receipt", () => {
    const written = writeStockRow({
      sku: "A-1",
      location: "WH1-A01-01",
      quantity: 3,
      lot: "-L1",
      expires: "2027-01-31",
      serials: ["S1", "S2", "S3"],
    });
    expect(written).toEqual({
      sku: "A-1",
      location: "WH1-A01-01",
      quantity: "3",
      lot: "'-L1",
      expires: "2027-01-31",
      serials: "S1|S2|S3",
      unit_cost: "",
      reference: "",
    });
    expect(readStockRow(written, { decimalComma: false }).data).toMatchObject({ lot: "-L1", quantity: 3, serials: ["S1", "S2", "S3"] });
  });
});

describe("stockColumnOf", () => {
  it("maps ledger fields, in a batch or not, to columns", () => {
    expect(["to", "movements.3.expiresAt", "serials", "reason"].map(stockColumnOf)).toEqual(["location", "expires", "serials", "row"]);
  });
});

describe("stockCsvTemplate", () => {
  it("is a file the import reads without a problem in any row", () => {
    const { rows } = parseCsv(stockCsvTemplate(), STOCK_CSV);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(readStockRow(r.values, { decimalComma: false }).errors).toEqual([]);
  });
});
