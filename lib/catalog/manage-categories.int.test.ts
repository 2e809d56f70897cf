import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { createItem } from "./create-item";
import { addCategory, listCategories } from "./manage-categories";

const db = getDb();

describe("categories", () => {
  it("adds a path with its parents and counts items beneath each", async () => {
    const manager = await buildUser(db, "manager");
    expect(await addCategory(db, manager.actor, "  Garden >  Hoses ")).toEqual({ path: "Garden > Hoses", costingMethod: null });
    await createItem(db, SYSTEM_ACTOR, { sku: "CAT-1", name: "Hose 20 m", category: "Garden > Hoses" });
    await createItem(db, SYSTEM_ACTOR, { sku: "CAT-2", name: "Rake", category: "Garden" });
    const tree = await listCategories(db, manager.actor);
    expect(tree.find((c) => c.path === "Garden")).toMatchObject({ depth: 0, items: 1, itemsBeneath: 2 });
    expect(tree.find((c) => c.path === "Garden > Hoses")).toMatchObject({ depth: 1, items: 1, itemsBeneath: 1 });
    expect(await db.auditEntry.count({ where: { action: "category.create" } })).toBe(1);
    await addCategory(db, manager.actor, "Garden > Hoses"); // again: no change, no new audit entry
    expect(await db.auditEntry.count({ where: { action: "category.create" } })).toBe(1);
  });

  it("refuses a malformed path and anyone but catalogue managers", async () => {
    const manager = await buildUser(db, "manager");
    const viewer = await buildUser(db, "viewer");
    await expect(addCategory(db, manager.actor, "A >  > B")).rejects.toMatchObject({ issues: [{ field: "path" }] });
    await expect(addCategory(db, viewer.actor, "Secret")).rejects.toMatchObject({ code: "forbidden" });
  });
});
