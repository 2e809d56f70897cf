import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { categorySegments, isValidCategoryPath } from "./category-path";
import { ensureCategory } from "./ensure-category";

export type CategoryNode = { path: string; name: string; depth: number; items: number; itemsBeneath: number };

/**
 * The category tree in path order, each with its own active items and those of everything beneath it. Two
 * queries, whatever the size of the tree.
 */
export async function listCategories(db: Db, actor: Actor): Promise<CategoryNode[]> {
  authorize(actor, "stock.view");
  const [categories, counts] = await Promise.all([
    db.category.findMany({ select: { id: true, path: true, name: true }, orderBy: { path: "asc" } }),
    db.item.groupBy({ by: ["categoryId"], where: { active: true }, _count: { _all: true } }),
  ]);
  const own = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  return categories.map((category) => ({
    path: category.path,
    name: category.name,
    depth: categorySegments(category.path).length - 1,
    items: own.get(category.id) ?? 0,
    itemsBeneath: categories
      .filter((other) => other.path === category.path || other.path.startsWith(`${category.path} > `))
      .reduce((sum, other) => sum + (own.get(other.id) ?? 0), 0),
  }));
}

/** Adds a category (and any missing parents) by its path; adding an existing path changes nothing. */
export async function addCategory(db: Db, actor: Actor, path: string): Promise<{ path: string }> {
  authorize(actor, "catalog.manage");
  if (!isValidCategoryPath(path)) throw new ValidationFailed([{ field: "path", message: "Use names separated by >, like Tools > Power tools" }]);
  const normalised = categorySegments(path).join(" > ");
  return unitOfWork(db, async (tx) => {
    const existed = await tx.category.findUnique({ where: { path: normalised }, select: { id: true } });
    const id = await ensureCategory(tx, normalised);
    if (!existed) await recordAudit(tx, actor, { action: "category.create", entityType: "category", entityId: id, after: { path: normalised } });
    return { path: normalised };
  });
}
