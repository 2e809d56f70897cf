import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildItem, buildSupplier, validGtin13, withWrongCheckDigit } from "../../tests/factories/catalog";
import { getDb } from "../db/client";
import { createItem } from "./create-item";
import { getItem } from "./get-item";

describe("creating items", () => {
  const db = getDb();

  it("stores the item with its category path, barcodes, suppliers and storage, audited and announced", async () => {
    const manager = await buildUser(db, "manager");
    const supplier = await buildSupplier(db);
    const gtin = validGtin13();
    const item = await createItem(db, manager.actor, {
      sku: "Drl-100",
      name: "Cordless drill",
      category: "Tools > Power tools > Drills",
      tracking: "serial",
      barcodes: [gtin, "SHELF-7"],
      tempMinC: 5,
      tempMaxC: 30.5,
      hazardClass: "9",
      attributes: { volts: 18 },
      suppliers: [{ supplier: supplier.code.toLowerCase(), supplierSku: "RW 1", unitCost: "129.9999", leadTimeDays: 5, preferred: true }],
    });
    expect(item).toMatchObject({
      sku: "Drl-100",
      category: "Tools > Power tools > Drills",
      unit: "ea",
      tracking: "serial",
      active: true,
      barcodes: [
        { code: `0${gtin}`, kind: "gtin" },
        { code: "SHELF-7", kind: "alias" },
      ],
      suppliers: [{ supplier: supplier.code, unitCost: "129.9999", currency: "EUR", leadTimeDays: 5, preferred: true }],
      storage: { tempMinC: 5, tempMaxC: 30.5, hazardClass: "9", humidityMaxPct: null },
      attributes: { volts: 18 },
    });
    const row = await db.item.findUniqueOrThrow({ where: { skuKey: "drl-100" }, include: { suppliers: true } });
    expect(row.suppliers[0].unitCost?.toString()).toBe("129.9999");
    const drills = await db.category.findUniqueOrThrow({
      where: { path: "Tools > Power tools > Drills" },
      include: { parent: { include: { parent: true } } },
    });
    expect(drills.parent?.path).toBe("Tools > Power tools");
    expect(drills.parent?.parent).toMatchObject({ path: "Tools", parentId: null });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "item.create", entityId: row.id } });
    expect(audit.actorLabel).toBe(manager.email);
    expect((audit.after as { sku: string }).sku).toBe("Drl-100");
    expect(await db.outboxEvent.count({ where: { type: "item.created", aggregateId: row.id } })).toBe(1);
  });

  it("reuses categories that exist, however the path is spaced", async () => {
    await buildItem(db, { category: "Food > Frozen" });
    const before = await db.category.count();
    const item = await buildItem(db, { category: "Food>Frozen > Fish" });
    expect(item.category).toBe("Food > Frozen > Fish");
    expect(await db.category.count()).toBe(before + 1);
  });

  it("refuses a SKU that differs from an existing one only in case", async () => {
    await buildItem(db, { sku: "Case-Sku" });
    await expect(buildItem(db, { sku: "CASE-sku" })).rejects.toMatchObject({ code: "sku_taken", details: { sku: "CASE-sku" } });
    expect(await db.item.count({ where: { skuKey: "case-sku" } })).toBe(1);
  });

  it("refuses a GTIN with a wrong check digit, naming the entry", async () => {
    const error = await buildItem(db, { barcodes: ["ALIAS", withWrongCheckDigit(validGtin13())] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path.join("."))).toEqual(["barcodes.1"]);
  });

  it("refuses a barcode another item has, also when written in another GTIN length", async () => {
    const gtin = validGtin13();
    const holder = await buildItem(db, { barcodes: [gtin] });
    await expect(buildItem(db, { sku: "second-holder", barcodes: [`0${gtin}`] })).rejects.toMatchObject({
      code: "barcode_taken",
      details: { barcode: `0${gtin}`, heldBy: holder.sku },
    });
    expect(await db.item.count({ where: { skuKey: "second-holder" } })).toBe(0);
  });

  it("names every unknown supplier by its position and creates nothing", async () => {
    const known = await buildSupplier(db);
    await expect(buildItem(db, { sku: "no-such-supplier", suppliers: [{ supplier: known.code }, { supplier: "NOPE" }] })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "suppliers.1.supplier" }],
    });
    expect(await db.item.count({ where: { skuKey: "no-such-supplier" } })).toBe(0);
  });

  it("lets only admins and managers write the catalogue", async () => {
    const site = await buildSite(db);
    for (const someone of [await buildUser(db, "viewer"), await buildUser(db, "clerk", { sites: [site.code] })]) {
      await expect(createItem(db, someone.actor, { sku: `by-${someone.role}`, name: "X" })).rejects.toMatchObject({ code: "forbidden" });
    }
    const admin = await buildUser(db, "admin");
    await expect(createItem(db, admin.actor, { sku: "by-admin", name: "X" })).resolves.toMatchObject({ sku: "by-admin" });
    expect(await db.item.count({ where: { skuKey: { startsWith: "by-" } } })).toBe(1);
  });

  it("lets exactly one of ten concurrent creations of one SKU through, the rest sku_taken", async () => {
    const manager = await buildUser(db, "manager");
    const spellings = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? "RACE-1" : "race-1"));
    const results = await Promise.allSettled(spellings.map((sku) => createItem(db, manager.actor, { sku, name: "Race", category: "Race > Track" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []));
    expect(refused.map((e) => e.code)).toEqual(Array(9).fill("sku_taken"));
    expect(await db.item.count({ where: { skuKey: "race-1" } })).toBe(1);
    expect(await db.category.count({ where: { path: { startsWith: "Race" } } })).toBe(2);
  });

  it("gives one barcode to one of several items created at once", async () => {
    const gtin = validGtin13();
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => buildItem(db, { sku: `bc-race-${i}`, barcodes: [gtin] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "barcode_taken", details: { barcode: `0${gtin}` } });
    expect(await db.barcode.count({ where: { code: `0${gtin}` } })).toBe(1);
  });
});

describe("reading an item", () => {
  const db = getDb();

  it("finds it by SKU in any case for anyone who may view stock", async () => {
    const site = await buildSite(db);
    const clerk = await buildUser(db, "clerk", { sites: [site.code] });
    await buildItem(db, { sku: "Read-Me" });
    await expect(getItem(db, clerk.actor, "read-ME")).resolves.toMatchObject({ sku: "Read-Me" });
  });

  it("answers NotFound for an unknown SKU", async () => {
    const viewer = await buildUser(db, "viewer");
    await expect(getItem(db, viewer.actor, "nothing-here")).rejects.toMatchObject({
      code: "not_found",
      details: { what: "Item", key: "nothing-here" },
    });
  });
});
