import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildItem, buildSupplier, validGtin13, withWrongCheckDigit } from "../../tests/factories/catalog";
import { ImportRefused } from "../csv/import-report";
import { getDb } from "../db/client";
import { listThresholds } from "../thresholds/list-thresholds";
import { getItem } from "./get-item";
import { importItems } from "./import-items";

const db = getDb();
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const HEADER = "sku,name,category,barcodes,supplier,unit_cost,reorder_point";

const problemsByLine = (report: { invalid: { line: number; errors: { field: string; message: string }[] }[] }) =>
  Object.fromEntries(report.invalid.map((row) => [row.line, row.errors.map((e) => `${e.field}: ${e.message}`)]));

describe("importItems", () => {
  it("dry-run reports each kind of bad row with its line and reason, and writes nothing", async () => {
    const manager = await buildUser(db, "manager");
    const supplier = await buildSupplier(db);
    const takenGtin = validGtin13();
    await buildItem(db, { sku: "DRY-TAKEN", barcodes: [takenGtin] });
    const badGtin = withWrongCheckDigit(validGtin13());
    const file = csv(
      HEADER,
      `DRY-OK,Good item,Tools > Drills,${validGtin13()},${supplier.code},12.50,4`,
      `DRY-GTIN,Bad barcode,,${badGtin},,,`,
      `DRY-SUP,Unknown supplier,,,NOBODY,,`,
      `DRY-TWICE,First,,,,,`,
      `dry-twice,Second,,,,,`,
      `dry-taken,Exists,,,,,`,
      `DRY-HELD,Barcode held,,${takenGtin},,,`,
      `DRY-NONAME,,,,,,`,
      `DRY-COST,Cost,,,${supplier.code},cheap,`,
      `DRY-WIDE,Too wide,,,,,,extra`,
    );
    const [items, audits] = [await db.item.count(), await db.auditEntry.count()];
    const report = await importItems(db, manager.actor, file, { mode: "dry-run" });

    expect(report).toMatchObject({ rows: 10, valid: 1, imported: 0 });
    expect(problemsByLine(report)).toEqual({
      3: [`barcodes: ${badGtin}: The check digit of this GTIN is wrong`],
      4: ["supplier: Unknown supplier code: NOBODY"],
      5: ["sku: The SKU is also on line 6"],
      6: ["sku: The SKU is also on line 5"],
      7: ["sku: An item with the SKU dry-taken already exists (SKUs are compared without regard to case)"],
      8: [`barcodes: The barcode 0${takenGtin} already belongs to item DRY-TAKEN`],
      9: ["name: Enter a name"],
      10: ["unit_cost: Enter an amount of 0 or more with at most 4 decimal places"],
      11: ['row: 1 cell more than the header has columns: does a value with a "," need quotes?'],
    });
    expect(report.invalid.find((r) => r.line === 7)?.sku).toBe("dry-taken");
    expect(await db.item.count()).toBe(items);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("import-valid creates exactly the valid rows, with category, barcodes, supplier and reorder point, each audited", async () => {
    const manager = await buildUser(db, "manager");
    const supplier = await buildSupplier(db);
    const gtin = validGtin13();
    const file = csv(
      HEADER,
      `VAL-1,Valid one,Imports > Tools,${gtin} | SHELF-VAL-1,${supplier.code.toLowerCase()},9.99,6`,
      `VAL-BAD,,,,,,`,
      `VAL-2,Valid two,,,,,`,
    );
    const report = await importItems(db, manager.actor, file, { mode: "import-valid" });
    expect(report).toMatchObject({ rows: 3, valid: 2, imported: 2, invalid: [{ line: 3, sku: "VAL-BAD" }] });
    expect((await listThresholds(db, manager.actor, "VAL-1")).default).toMatchObject({ reorderPoint: 6, min: null });
    expect((await listThresholds(db, manager.actor, "VAL-2")).default).toMatchObject({ reorderPoint: null });
    expect(await getItem(db, manager.actor, "val-1")).toMatchObject({
      category: "Imports > Tools",
      attributes: {},
      barcodes: [
        { code: `0${gtin}`, kind: "gtin" },
        { code: "SHELF-VAL-1", kind: "alias" },
      ],
      suppliers: [{ supplier: supplier.code, unitCost: "9.9900", preferred: true }],
    });
    expect(await db.item.count({ where: { skuKey: { startsWith: "val-" } } })).toBe(2);
    expect(await db.auditEntry.count({ where: { action: "item.create", after: { path: ["sku"], string_starts_with: "VAL-" } } })).toBe(2);
  });

  it("writes a row's thresholds with its item, and refuses them (and the item) to a manager of some sites only", async () => {
    const manager = await buildUser(db, "manager");
    const site = await buildSite(db);
    const scoped = await buildUser(db, "manager", { sites: [site.code] });
    const file = csv("sku,name,min_qty,max_qty,reorder_point,reorder_quantity,safety_stock", "THR-1,One,2,40,10,24,3");
    expect(await importItems(db, manager.actor, file, { mode: "import-all" })).toMatchObject({ imported: 1 });
    expect((await listThresholds(db, manager.actor, "THR-1")).default).toMatchObject({
      min: 2,
      max: 40,
      reorderPoint: 10,
      reorderQuantity: 24,
      safetyStock: 3,
    });
    const theirs = csv("sku,name,reorder_point", "THR-2,Two,5");
    const report = await importItems(db, scoped.actor, theirs, { mode: "import-valid" });
    expect(report).toMatchObject({ imported: 0, invalid: [{ line: 2, errors: [{ field: "reorder_point" }] }] });
    expect(await db.item.count({ where: { skuKey: "thr-2" } })).toBe(0);
  });

  it("import-all refuses the whole file when any row is bad, and imports it all when none is", async () => {
    const manager = await buildUser(db, "manager");
    const bad = csv("sku,name,tracking", "ALL-1,One,lot", "ALL-2,Two,batch");
    const refused = await importItems(db, manager.actor, bad, { mode: "import-all" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).report).toMatchObject({
      rows: 2,
      valid: 1,
      imported: 0,
      invalid: [{ line: 3, errors: [{ field: "tracking" }] }],
    });
    expect(await db.item.count({ where: { skuKey: { startsWith: "all-" } } })).toBe(0);

    const good = csv("sku,name,tracking", "ALL-1,One,lot", "ALL-2,Two,serial");
    expect(await importItems(db, manager.actor, good, { mode: "import-all" })).toEqual({ rows: 2, valid: 2, invalid: [], imported: 2 });
    expect((await getItem(db, manager.actor, "ALL-2")).tracking).toBe("serial");
  });

  it("reads a semicolon-separated file with decimal commas and headers in any case", async () => {
    const manager = await buildUser(db, "manager");
    const supplier = await buildSupplier(db);
    const file = `\uFEFFSKU;Name;Supplier;Unit Cost;Temp Min C;Temp Max C\r\nSEMI-1;Yoghurt, natural;${supplier.code};1,25;2;7,5\r\n`;
    expect(await importItems(db, manager.actor, file, { mode: "import-valid" })).toMatchObject({ valid: 1, imported: 1 });
    expect(await getItem(db, manager.actor, "SEMI-1")).toMatchObject({
      name: "Yoghurt, natural",
      storage: { tempMinC: 2, tempMaxC: 7.5 },
      suppliers: [{ unitCost: "1.2500" }],
    });
  });

  it("refuses a file it cannot read as a whole, and anyone who may not manage the catalogue", async () => {
    const manager = await buildUser(db, "manager");
    await expect(importItems(db, manager.actor, csv("sku,title", "X,Y"), { mode: "dry-run" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "file", message: expect.stringMatching(/^Unknown column title/) }],
    });
    const site = await buildSite(db);
    const clerk = await buildUser(db, "clerk", { sites: [site.code] });
    await expect(importItems(db, clerk.actor, csv("sku,name", "X,Y"), { mode: "dry-run" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
