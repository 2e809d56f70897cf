import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { ImportRefused } from "../csv/import-report";
import { getDb } from "../db/client";
import { importOpeningStock } from "./import-opening-stock";
import { postMovement } from "./post-movement";

const db = getDb();
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const HEADER = "sku,location,quantity,lot,expires,serials,unit_cost,reference";

const problemsByLine = (report: { invalid: { line: number; errors: { field: string; message: string }[] }[] }) =>
  Object.fromEntries(report.invalid.map((row) => [row.line, row.errors.map((e) => `${e.field}: ${e.message}`)]));

const ledgerSize = async () => ({
  movements: await db.stockMovement.count(),
  lots: await db.lot.count(),
  levels: await db.stockLevel.count(),
  serials: await db.serial.count(),
});

describe("importOpeningStock", () => {
  it("dry-run plans every row as the ledger would, reports each refusal with its line and reason, and writes nothing", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.serialised.sku,
      quantity: 1,
      to: w.bins.a1.code,
      serials: ["SN-HERE"],
      reason: "received",
    });
    const { items, bins } = w;
    const file = csv(
      HEADER,
      `${items.plain.sku},${bins.a1.code},5,,,,2.50,`,
      `${items.lotted.sku},${bins.a2.code},7,NEW-LOT,2031-01-31,,,`,
      `NO-SUCH-SKU,${bins.a1.code},1,,,,,`,
      `${items.plain.sku},NO-SUCH-BIN,1,,,,,`,
      `${items.plain.sku},${bins.a1.code},two,,,,,`,
      `${items.lotted.sku},${bins.a1.code},3,,,,,`,
      `${items.lotted.sku},${bins.a1.code},3,LOT-X,,,,`,
      `${items.milk.sku},${bins.a1.code},3,M1,2031-01-31,,,`,
      `${items.serialised.sku},${bins.a1.code},2,,,SN-1,,`,
      `${items.serialised.sku},${bins.a1.code},1,,,SN-HERE,,`,
      `${other.items.plain.sku},${other.bins.a1.code},1,,,,,`,
      `${items.plain.sku},${w.site.code},1,,,,,`,
    );
    const before = await ledgerSize();
    const report = await importOpeningStock(db, clerk.actor, file, { mode: "dry-run" });

    expect(report).toMatchObject({ rows: 12, valid: 2, imported: 0 });
    expect(problemsByLine(report)).toEqual({
      4: ["sku: No item has the SKU NO-SUCH-SKU"],
      5: ["location: No location has the code NO-SUCH-BIN"],
      6: ["quantity: Enter a whole number of units, like 12"],
      7: [`lot: ${items.lotted.sku} is lot-tracked: name the lot it arrives in`],
      8: ["expires: Enter the expiry date of the new lot LOT-X"],
      9: [`location: ${bins.a1.code} does not suit ${items.milk.sku}: needs at least 2 °C; needs at most 8 °C`],
      10: [`serials: ${items.serialised.sku} is serial-tracked: list one serial per unit (2)`],
      11: [`serials: SN-HERE is already in stock at ${bins.a1.code}`],
      12: [`location: You may not move stock at the site of ${other.bins.a1.code}`],
      13: [`location: ${w.site.code} cannot hold stock: use a zone, aisle, rack, shelf or bin`],
    });
    // Planning the valid lot row made its lot, in a transaction that was rolled back.
    expect(await ledgerSize()).toEqual(before);
  });

  it("dry-run names where a serial already is only at a site the actor may see", async () => {
    const [w, other] = [await buildWarehouse(db), await buildWarehouse(db)];
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: other.items.serialised.sku,
      quantity: 1,
      to: other.bins.a2.code,
      serials: ["SN-AWAY"],
      reason: "received",
    });
    const file = csv("sku,location,quantity,serials", `${other.items.serialised.sku},${w.bins.a1.code},1,SN-AWAY`);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const report = await importOpeningStock(db, clerk.actor, file, { mode: "dry-run" });
    expect(problemsByLine(report)).toEqual({ 2: ["serials: SN-AWAY is already in stock at another site"] });
    expect(JSON.stringify(report)).not.toContain(other.bins.a2.code);
    const manager = await buildUser(db, "manager");
    expect(problemsByLine(await importOpeningStock(db, manager.actor, file, { mode: "dry-run" }))).toEqual({
      2: [`serials: SN-AWAY is already in stock at ${other.bins.a2.code}`],
    });
  });

  it("import-valid posts exactly the valid rows as receipts with the opening-stock reference, and the levels follow", async () => {
    const w = await buildWarehouse(db);
    const manager = await buildUser(db, "manager");
    const file = csv(
      HEADER,
      `${w.items.plain.sku},${w.bins.a1.code},5,,,,2.50,`,
      `${w.items.lotted.sku},${w.bins.a2.code},7,L-1,2031-01-31,,,INV-2026`,
      `${w.items.serialised.sku},${w.bins.a2.code},2,,,SN-A|SN-B,,`,
      `${w.items.plain.sku},${w.bins.a1.code},0,,,,,`,
    );
    const report = await importOpeningStock(db, manager.actor, file, { mode: "import-valid" });
    expect(report).toMatchObject({ rows: 4, valid: 3, imported: 3, invalid: [{ line: 5, errors: [{ field: "quantity" }] }] });

    const movements = await db.stockMovement.findMany({
      where: { item: { sku: { startsWith: w.site.code } } },
      include: { item: true, lot: true, toLocation: true },
    });
    // Posted in lock order (by item id), so compared in SKU order.
    const bySku = [...movements].sort((x, y) => x.item.sku.localeCompare(y.item.sku));
    expect(bySku.map((m) => [m.kind, m.item.sku, m.toLocation.code, m.quantity, m.lot?.number ?? null, m.reasonCode, m.reference])).toEqual([
      ["receive", w.items.lotted.sku, w.bins.a2.code, 7, "L-1", "received", "INV-2026"],
      ["receive", w.items.plain.sku, w.bins.a1.code, 5, null, "received", "OPENING-STOCK"],
      ["receive", w.items.serialised.sku, w.bins.a2.code, 2, null, "received", "OPENING-STOCK"],
    ]);
    expect(bySku[1].unitCost?.toFixed(2)).toBe("2.50");
    // Valued as it is posted: 5 × 2.50 enter the site's stock as a receipt.
    const value = await db.movementValue.findUniqueOrThrow({ where: { movementId_siteId: { movementId: bySku[1].id, siteId: w.site.id } } });
    expect([value.value.toFixed(4), value.category]).toEqual(["12.5000", "receipts"]);
    expect(new Set(movements.map((m) => m.postingId)).size).toBe(1); // one site, one atomic batch
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(5);
    const lot = await db.lot.findFirstOrThrow({ where: { itemId: w.items.lotted.id, number: "L-1" } });
    expect(lot.expiresOn?.toISOString().slice(0, 10)).toBe("2031-01-31");
    expect(await onHand(db, w.items.lotted.id, w.bins.a2.id, lot.id)).toBe(7);
    expect(await db.serial.count({ where: { itemId: w.items.serialised.id, locationId: w.bins.a2.id } })).toBe(2);
  });

  it("import-all posts nothing when any row is bad", async () => {
    const w = await buildWarehouse(db);
    const file = csv("sku,location,quantity", `${w.items.plain.sku},${w.bins.a1.code},5`, `${w.items.plain.sku},NOWHERE,5`);
    const before = await ledgerSize();
    const refused = await importOpeningStock(db, SYSTEM_ACTOR, file, { mode: "import-all" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).report).toMatchObject({ rows: 2, valid: 1, imported: 0, invalid: [{ line: 3 }] });
    expect(await ledgerSize()).toEqual(before);
  });

  it("posts in atomic batches of at most 1,000 rows of one site", async () => {
    const [a, b] = [await buildWarehouse(db), await buildWarehouse(db)];
    const rows = Array.from({ length: 1_001 }, (_, i) => `${a.items.plain.sku},${i % 2 ? a.bins.a1.code : a.bins.a2.code},1`);
    const file = csv("sku,location,quantity", ...rows.slice(0, 500), `${b.items.plain.sku},${b.bins.a1.code},4`, ...rows.slice(500));
    const report = await importOpeningStock(db, SYSTEM_ACTOR, file, { mode: "import-all" });
    expect(report).toMatchObject({ rows: 1_002, valid: 1_002, imported: 1_002, invalid: [] });
    const postings = await db.stockMovement.groupBy({
      by: ["postingId"],
      where: { itemId: { in: [a.items.plain.id, b.items.plain.id] } },
      _count: true,
    });
    expect(postings.map((p) => p._count).sort((x, y) => x - y)).toEqual([1, 1, 1_000]);
    expect((await onHand(db, a.items.plain.id, a.bins.a1.id)) + (await onHand(db, a.items.plain.id, a.bins.a2.id))).toBe(1_001);
    expect(await onHand(db, b.items.plain.id, b.bins.a1.id)).toBe(4);
  });

  it("refuses viewers", async () => {
    const viewer = await buildUser(db, "viewer");
    await expect(importOpeningStock(db, viewer.actor, csv("sku,location,quantity", "A,B,1"), { mode: "dry-run" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
