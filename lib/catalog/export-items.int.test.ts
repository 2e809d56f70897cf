import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildItem, buildSupplier, validGtin13 } from "../../tests/factories/catalog";
import { parseCsv } from "../csv/parse-csv";
import { getDb } from "../db/client";
import { SYSTEM_ACTOR } from "../auth/actor";
import { setThresholds } from "../thresholds/set-thresholds";
import { exportItems } from "./export-items";
import { importItems } from "./import-items";
import { ITEM_CSV } from "./item-csv-row";
import { updateItem } from "./update-item";

const db = getDb();

async function collect(chunks: AsyncIterable<string>) {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe("exportItems", () => {
  it("writes every active item a page at a time, in SKU order, in the import's columns", async () => {
    const viewer = await buildUser(db, "viewer");
    const supplier = await buildSupplier(db);
    for (const sku of ["EXP-C", "exp-a", "EXP-B", "EXP-D", "EXP-E"]) await buildItem(db, { sku, category: "Export > Paged" });
    await buildItem(db, {
      sku: "EXP-F",
      name: "=cmd|' /C calc'!A0",
      barcodes: [validGtin13()],
      tempMinC: -18,
      suppliers: [{ supplier: supplier.code, unitCost: "3.5", preferred: true }],
    });
    await setThresholds(db, SYSTEM_ACTOR, "EXP-F", { reorderPoint: 7, max: 30 });
    await buildItem(db, { sku: "EXP-ARCHIVED" });
    await updateItem(db, (await buildUser(db, "manager")).actor, "EXP-ARCHIVED", { active: false });

    const chunks = await collect(exportItems(db, viewer.actor, { pageSize: 2 }));
    expect(chunks[0]).toBe(`\uFEFF${ITEM_CSV.columns.join(",")}\n`);
    expect(chunks.length).toBe(1 + 3); // header + 6 items two at a time
    const { rows } = parseCsv(chunks.join(""), ITEM_CSV);
    expect(rows.map((r) => r.values.sku)).toEqual(["exp-a", "EXP-B", "EXP-C", "EXP-D", "EXP-E", "EXP-F"]);
    expect(rows[5].values).toMatchObject({
      name: "'=cmd|' /C calc'!A0",
      category: "",
      supplier: supplier.code,
      unit_cost: "3.5000",
      temp_min_c: "-18",
      reorder_point: "7",
      max_qty: "30",
      min_qty: "",
      tracking: "none",
      unit: "ea",
    });
    expect(rows[0].values.category).toBe("Export > Paged");
  });

  it("round-trips: re-importing an export as a dry run finds every SKU already in the catalogue and nothing else wrong", async () => {
    const manager = await buildUser(db, "manager");
    const supplier = await buildSupplier(db);
    await buildItem(db, {
      sku: "TRIP-1",
      name: "-5 V adapter",
      barcodes: [validGtin13(), "TRIP-ALIAS"],
      tracking: "lot",
      suppliers: [{ supplier: supplier.code, supplierSku: "S 1", leadTimeDays: 3, minOrderQty: 10, preferred: true }],
    });
    await buildItem(db, {
      sku: "TRIP-2",
      description: 'Line one\nline two, with "quotes"',
      hazardClass: "3",
      handlingNotes: "Keep away from heat",
      tempMaxC: 25,
    });
    const text = (await collect(exportItems(db, manager.actor))).join("");

    const report = await importItems(db, manager.actor, text, { mode: "dry-run" });
    const total = await db.item.count({ where: { active: true } });
    expect(report).toMatchObject({ rows: total, valid: 0, imported: 0 });
    for (const row of report.invalid) {
      expect(
        row.errors.map((e) => e.field).filter((f) => f !== "barcodes"),
        `line ${row.line}`,
      ).toEqual(["sku"]);
      expect(row.errors[0].message).toMatch(/already exists/);
    }
    const tripped = report.invalid.filter((r) => r.sku?.startsWith("TRIP-"));
    expect(tripped.map((r) => r.sku)).toEqual(["TRIP-1", "TRIP-2"]);
  });
});
