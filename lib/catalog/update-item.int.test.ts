import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildItem, buildSupplier, validGtin13 } from "../../tests/factories/catalog";
import { getDb } from "../db/client";
import { getItem } from "./get-item";
import { updateItem } from "./update-item";

describe("changing items", () => {
  const db = getDb();

  it("replaces barcodes and suppliers, clears fields set to null, and audits before and after", async () => {
    const manager = await buildUser(db, "manager");
    const [a, b] = [await buildSupplier(db), await buildSupplier(db)];
    const [oldGtin, newGtin] = [validGtin13(), validGtin13()];
    await buildItem(db, { sku: "Upd-1", description: "old", category: "Old", barcodes: [oldGtin], suppliers: [{ supplier: a.code, unitCost: 1 }] });
    const after = await updateItem(db, manager.actor, "upd-1", {
      name: "Renamed",
      description: null,
      category: "New > Sub",
      barcodes: [newGtin],
      suppliers: [{ supplier: b.code, unitCost: "2.5", preferred: true }],
    });
    expect(after).toMatchObject({
      sku: "Upd-1",
      name: "Renamed",
      description: null,
      category: "New > Sub",
      barcodes: [{ code: `0${newGtin}`, kind: "gtin" }],
      suppliers: [{ supplier: b.code, unitCost: "2.5000", preferred: true }],
    });
    expect(await db.barcode.count({ where: { code: `0${oldGtin}` } })).toBe(0);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "item.update" }, orderBy: { id: "desc" } });
    expect(audit.actorLabel).toBe(manager.email);
    expect(audit.before).toMatchObject({ name: "Test item", description: "old", category: "Old" });
    expect(audit.after).toMatchObject({ name: "Renamed", description: null, category: "New > Sub" });
    expect(await db.outboxEvent.count({ where: { type: "item.updated", aggregateId: audit.entityId } })).toBe(1);
  });

  it("leaves fields that are not sent as they were", async () => {
    const supplier = await buildSupplier(db);
    const before = await buildItem(db, { sku: "Keep-1", tempMinC: 2, barcodes: ["KEEP-ALIAS"], suppliers: [{ supplier: supplier.code }] });
    const after = await updateItem(db, (await buildUser(db, "admin")).actor, "Keep-1", { handlingNotes: "Fragile" });
    expect(after).toMatchObject({ ...before, storage: { ...before.storage, handlingNotes: "Fragile" }, updatedAt: expect.any(String) });
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it("archives with active: false, recorded as item.archive, and the item can still be read", async () => {
    const manager = await buildUser(db, "manager");
    await buildItem(db, { sku: "Old-1" });
    await updateItem(db, manager.actor, "Old-1", { active: false });
    expect(await getItem(db, manager.actor, "old-1")).toMatchObject({ active: false });
    expect(await db.auditEntry.count({ where: { action: "item.archive" } })).toBe(1);
  });

  it("refuses to change the SKU but accepts the same one sent back", async () => {
    const manager = await buildUser(db, "manager");
    await buildItem(db, { sku: "Fixed-1" });
    await expect(updateItem(db, manager.actor, "Fixed-1", { sku: "Other-1" })).rejects.toMatchObject({ issues: [{ field: "sku" }] });
    await expect(updateItem(db, manager.actor, "Fixed-1", { sku: "Fixed-1", name: "Same SKU" })).resolves.toMatchObject({ name: "Same SKU" });
  });

  it("checks the storage range against the values the item keeps", async () => {
    const manager = await buildUser(db, "manager");
    await buildItem(db, { sku: "Cold-1", tempMinC: 2, tempMaxC: 8 });
    await expect(updateItem(db, manager.actor, "Cold-1", { tempMinC: 10 })).rejects.toMatchObject({ issues: [{ field: "tempMaxC" }] });
    await expect(updateItem(db, manager.actor, "Cold-1", { tempMinC: 10, tempMaxC: null })).resolves.toMatchObject({
      storage: { tempMinC: 10, tempMaxC: null },
    });
  });

  it("refuses another item's barcode and changes nothing", async () => {
    const manager = await buildUser(db, "manager");
    const gtin = validGtin13();
    await buildItem(db, { sku: "Has-Code", barcodes: [gtin] });
    await buildItem(db, { sku: "Wants-Code", barcodes: ["MINE"] });
    await expect(updateItem(db, manager.actor, "Wants-Code", { name: "Changed", barcodes: ["MINE", gtin] })).rejects.toMatchObject({
      code: "barcode_taken",
      details: { heldBy: "Has-Code" },
    });
    expect(await getItem(db, manager.actor, "Wants-Code")).toMatchObject({ name: "Test item", barcodes: [{ code: "MINE" }] });
  });

  it("answers NotFound for an unknown SKU and Forbidden to viewers and clerks", async () => {
    const site = await buildSite(db);
    await buildItem(db, { sku: "Guarded" });
    await expect(updateItem(db, (await buildUser(db, "admin")).actor, "missing", { name: "X" })).rejects.toMatchObject({ code: "not_found" });
    for (const someone of [await buildUser(db, "viewer"), await buildUser(db, "clerk", { sites: [site.code] })]) {
      await expect(updateItem(db, someone.actor, "Guarded", { name: "Hacked" })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await db.item.findUniqueOrThrow({ where: { skuKey: "guarded" } })).name).toBe("Test item");
  });

  it("applies concurrent changes one after the other, each audited against the previous", async () => {
    const manager = await buildUser(db, "manager");
    await buildItem(db, { sku: "Busy-1" });
    await Promise.all(Array.from({ length: 6 }, (_, i) => updateItem(db, manager.actor, "Busy-1", { name: `Name ${i}` })));
    const entries = await db.auditEntry.findMany({
      where: { action: "item.update", after: { path: ["sku"], equals: "Busy-1" } },
      orderBy: { id: "asc" },
    });
    expect(entries).toHaveLength(6);
    // Serialized by the row lock: each entry's "before" is the previous entry's "after".
    for (let i = 1; i < entries.length; i++) {
      expect((entries[i].before as { name: string }).name).toBe((entries[i - 1].after as { name: string }).name);
    }
  });
});
