import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";
import { stringifyCsv, stringifyCsvRows } from "./stringify-csv";

async function collect(chunks: AsyncIterable<string>) {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

async function* pages(...list: { sku: string; name: string }[][]) {
  for (const page of list) yield page;
}

describe("stringifyCsv", () => {
  it("yields the header (with a BOM for Excel) and then one chunk per page", async () => {
    const chunks = await collect(stringifyCsv(["sku", "name"], pages([{ sku: "A", name: "Drill, 18 V" }], [], [{ sku: "B", name: 'Say "hi"' }])));
    expect(chunks).toEqual(["\uFEFFsku,name\n", 'A,"Drill, 18 V"\n', 'B,"Say ""hi"""\n']);
  });

  it("writes what parseCsv reads back unchanged", () => {
    const text = stringifyCsvRows(["sku", "name"], [{ sku: "A", name: 'two\nlines; "quoted"' }]);
    expect(parseCsv(text, { columns: ["sku", "name"], required: ["sku"] }).rows[0].values).toEqual({ sku: "A", name: 'two\nlines; "quoted"' });
  });
});
