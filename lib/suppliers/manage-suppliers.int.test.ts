import { describe, expect, it } from "vitest";
import { openSigningSecret } from "../webhooks/stored-secret";
import { buildUser } from "../../tests/factories/access";
import { SYSTEM_ACTOR } from "../auth/actor";
import { createItem } from "../catalog/create-item";
import { getDb } from "../db/client";
import { updateInstallationSettings } from "../settings/installation-settings";
import { createSupplier, listSuppliers, updateSupplier } from "./manage-suppliers";

const db = getDb();

describe("suppliers", () => {
  it("adds a supplier items can then name, and refuses its code twice", async () => {
    const manager = await buildUser(db, "manager");
    const created = await createSupplier(db, manager.actor, { code: "acme", name: "Acme Wholesale", email: "orders@example.com" });
    expect(created).toMatchObject({ code: "ACME", active: true, items: 0 });
    await createItem(db, SYSTEM_ACTOR, { sku: "SUP-1", name: "Widget", suppliers: [{ supplier: "ACME", unitCost: "1.25", preferred: true }] });
    expect((await listSuppliers(db, manager.actor)).find((s) => s.code === "ACME")?.items).toBe(1);
    await expect(createSupplier(db, manager.actor, { code: "ACME", name: "Again" })).rejects.toMatchObject({ code: "supplier_code_taken" });
    expect(await db.auditEntry.count({ where: { action: "supplier.create", entityId: "ACME" } })).toBe(1);
  });

  it("retires a supplier with before and after audited; clerks and viewers may not", async () => {
    const manager = await buildUser(db, "manager");
    const viewer = await buildUser(db, "viewer");
    await createSupplier(db, manager.actor, { code: "OLD", name: "Old Supplier" });
    await expect(updateSupplier(db, manager.actor, "old", { active: false })).resolves.toMatchObject({ active: false });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "supplier.update", entityId: "OLD" } });
    expect(audit.before).toMatchObject({ active: true });
    await expect(updateSupplier(db, viewer.actor, "OLD", { active: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createSupplier(db, viewer.actor, { code: "NOPE", name: "Nope" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateSupplier(db, manager.actor, "MISSING", { name: "x" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps a supplier's contacts and purchasing terms, money exactly, and clears them on request", async () => {
    const manager = await buildUser(db, "manager");
    const created = await createSupplier(db, manager.actor, {
      code: "TERMS",
      name: "Terms Ltd",
      contacts: [
        { name: "Ann Order", email: "ann@example.com", role: "orders" },
        { name: "Bo Bill", phone: "+44 20 7946 0000" },
      ],
      currency: "gbp",
      leadTimeDays: 9,
      minOrderValue: "250.1",
      paymentTerms: "30 days net",
    });
    expect(created).toMatchObject({
      contacts: [
        { name: "Ann Order", email: "ann@example.com", role: "orders" },
        { name: "Bo Bill", phone: "+44 20 7946 0000" },
      ],
      currency: "GBP",
      leadTimeDays: 9,
      minOrderValue: "250.1000",
      paymentTerms: "30 days net",
    });
    const cleared = await updateSupplier(db, manager.actor, "TERMS", { minOrderValue: null, paymentTerms: null, contacts: [] });
    expect(cleared).toMatchObject({ minOrderValue: null, paymentTerms: null, contacts: [], currency: "GBP", leadTimeDays: 9 });
    await expect(createSupplier(db, manager.actor, { code: "BADTERMS", name: "Bad", currency: "euro" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["currency"] })],
    });
  });

  it("keeps an item's pack size and price breaks per supplier, breaks sorted and exact", async () => {
    await createSupplier(db, SYSTEM_ACTOR, { code: "PACKS", name: "Packs" });
    const item = await createItem(db, SYSTEM_ACTOR, {
      sku: "SUP-PACK",
      name: "Boxed widget",
      suppliers: [
        {
          supplier: "PACKS",
          unitCost: "2.5",
          packSize: 12,
          priceBreaks: [
            { minQty: 100, unitCost: "1.8" },
            { minQty: 12, unitCost: 2.25 },
          ],
        },
      ],
    });
    expect(item.suppliers[0]).toMatchObject({
      packSize: 12,
      priceBreaks: [
        { minQty: 12, unitCost: "2.2500" },
        { minQty: 100, unitCost: "1.8000" },
      ],
    });
    await expect(
      createItem(db, SYSTEM_ACTOR, { sku: "SUP-PACK-0", name: "No pack", suppliers: [{ supplier: "PACKS", packSize: 0 }] }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["suppliers", 0, "packSize"] })] });
  });

  it("makes an order webhook's secret when its URL is first set, shows it that once, and refuses private URLs unless allowed", async () => {
    const admin = await buildUser(db, "admin");
    const manager = await buildUser(db, "manager");
    await expect(
      createSupplier(db, manager.actor, { code: "HOOKED", name: "Hooked", orderWebhookUrl: "http://127.0.0.1:9/orders" }),
    ).rejects.toMatchObject({ issues: [{ field: "orderWebhookUrl", message: expect.stringContaining("not public") }] });
    await updateInstallationSettings(db, admin.actor, { allowPrivateUrls: true });
    const created = await createSupplier(db, manager.actor, { code: "HOOKED", name: "Hooked", orderWebhookUrl: "http://127.0.0.1:9/orders" });
    expect(created).toMatchObject({ orderWebhookUrl: "http://127.0.0.1:9/orders", orderWebhookSecret: expect.stringMatching(/^whsec_/) });
    const moved = await updateSupplier(db, manager.actor, "HOOKED", { orderWebhookUrl: "http://127.0.0.1:9/v2/orders" });
    expect(moved.orderWebhookUrl).toBe("http://127.0.0.1:9/v2/orders");
    expect(moved).not.toHaveProperty("orderWebhookSecret");
    // Kept sealed at rest, and the same secret after the URL moved.
    const stored = (await db.supplier.findUniqueOrThrow({ where: { code: "HOOKED" } })).orderWebhookSecret!;
    expect(stored).not.toContain("whsec_");
    expect(openSigningSecret(stored)).toBe(created.orderWebhookSecret);
    const listed = (await listSuppliers(db, manager.actor)).find((s) => s.code === "HOOKED");
    expect(listed).toMatchObject({ orderWebhookUrl: "http://127.0.0.1:9/v2/orders" });
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    const audited = await db.auditEntry.findMany({ where: { entityId: "HOOKED" }, select: { before: true, after: true } });
    expect(audited.length).toBeGreaterThan(0);
    expect(JSON.stringify(audited)).not.toContain("whsec_");
    await expect(updateSupplier(db, manager.actor, "HOOKED", { orderWebhookUrl: null })).resolves.toMatchObject({ orderWebhookUrl: null });
    expect(await db.supplier.findUniqueOrThrow({ where: { code: "HOOKED" } })).toMatchObject({ orderWebhookUrl: null, orderWebhookSecret: null });
    const again = await updateSupplier(db, manager.actor, "HOOKED", { orderWebhookUrl: "http://127.0.0.1:9/orders" });
    expect(again.orderWebhookSecret).toMatch(/^whsec_/);
    expect(again.orderWebhookSecret).not.toBe(created.orderWebhookSecret);
  });
});
