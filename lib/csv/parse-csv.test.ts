import { describe, expect, it } from "vitest";
import { CsvRejected, detectDelimiter, normaliseHeader, parseCsv, type CsvSpec } from "./parse-csv";

const spec: CsvSpec = { columns: ["sku", "name", "unit_cost", "barcodes"], required: ["sku", "name"] };

const rejection = (text: string, options: Partial<CsvSpec> = {}) => {
  try {
    parseCsv(text, { ...spec, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(CsvRejected);
    return (error as CsvRejected).issues[0];
  }
  throw new Error("expected the file to be rejected");
};

describe("parseCsv", () => {
  it("reads rows as column → trimmed text, with the line each starts on", () => {
    const { rows, delimiter } = parseCsv("sku,name,unit_cost\nA-1, Drill ,12.50\nB-2,Saw,\n", spec);
    expect(delimiter).toBe(",");
    expect(rows).toEqual([
      { line: 2, values: { sku: "A-1", name: "Drill", unit_cost: "12.50", barcodes: "" }, extraCells: 0 },
      { line: 3, values: { sku: "B-2", name: "Saw", unit_cost: "", barcodes: "" }, extraCells: 0 },
    ]);
  });

  it("takes semicolons when the header uses them, as Excel writes in much of Europe", () => {
    const { rows, delimiter } = parseCsv("sku;name;unit_cost\nA-1;Drill, cordless;12,50\n", spec);
    expect(delimiter).toBe(";");
    expect(rows[0].values).toMatchObject({ name: "Drill, cordless", unit_cost: "12,50" });
  });

  it("ignores a BOM and CRLF line ends, and matches header names in any case and spelling", () => {
    const { rows } = parseCsv("\uFEFFSKU,Name,Unit Cost\r\nA-1,Drill,1\r\n", spec);
    expect(rows).toEqual([{ line: 2, values: { sku: "A-1", name: "Drill", unit_cost: "1", barcodes: "" }, extraCells: 0 }]);
  });

  it("counts lines as a spreadsheet does: blank rows skipped, a quoted value spanning lines starts its row", () => {
    const { rows } = parseCsv('sku,name\nA,"two\nlines"\n\n,\nB,"say ""hi"""\n', spec);
    expect(rows.map((r) => [r.line, r.values.sku, r.values.name])).toEqual([
      [2, "A", "two\nlines"],
      [6, "B", 'say "hi"'],
    ]);
  });

  it("keeps a stray quote inside an unquoted value as text", () => {
    expect(parseCsv('sku,name\nP-1,12" pipe\n', spec).rows[0].values.name).toBe('12" pipe');
  });

  it("fills columns a short row lacks with empty text and counts cells beyond the header", () => {
    const { rows } = parseCsv("sku,name,unit_cost\nA\nB,Saw,1,oops,\nC,Drill,2,,\n", spec);
    expect(rows.map((r) => [r.values.name, r.extraCells])).toEqual([
      ["", 0],
      ["Saw", 1],
      ["Drill", 0],
    ]);
  });

  it("refuses an empty file, or a header without rows", () => {
    expect(rejection("")).toEqual({ field: "file", message: "The file is empty" });
    expect(rejection("sku,name\n\n").message).toMatch(/no rows/);
  });

  it("refuses unknown, doubled and missing columns, naming them", () => {
    expect(rejection("sku,name,colour\nA,B,red\n").message).toMatch(/^Unknown column colour\. The columns are: sku, name, unit_cost, barcodes$/);
    expect(rejection("sku,name,SKU\nA,B,C\n").message).toMatch(/sku is named twice/);
    expect(rejection("sku,unit_cost\nA,1\n").message).toMatch(/lacks the column name/);
  });

  it("refuses a file over the size or row limit", () => {
    expect(rejection("sku,name\nA,B\n", { maxBytes: 10 }).message).toMatch(/larger than/);
    expect(rejection("sku,name\nA,1\nB,2\nC,3\n", { maxRows: 2 }).message).toMatch(/more than 2 rows/);
    expect(parseCsv("sku,name\nA,1\nB,2\n", { ...spec, maxRows: 2 }).rows).toHaveLength(2);
  });

  it("refuses text that is not CSV, with the line", () => {
    expect(rejection('sku,name\nA,"never closed\nB,C\n').message).toMatch(/not valid CSV \(near line \d\): a quoted value is never closed/);
  });
});

describe("detectDelimiter", () => {
  it("counts separators outside quotes and prefers the comma on a tie", () => {
    expect(detectDelimiter("sku;name;cost")).toBe(";");
    expect(detectDelimiter('sku,"a;b;c",name')).toBe(",");
    expect(detectDelimiter("sku")).toBe(",");
  });
});

describe("normaliseHeader", () => {
  it("lower-cases and joins words with underscores", () => {
    expect(normaliseHeader(" Supplier SKU ")).toBe("supplier_sku");
    expect(normaliseHeader("lead-time-days")).toBe("lead_time_days");
  });
});
