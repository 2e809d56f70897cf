import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFound, ValidationFailed } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { revalueItems } from "../valuation/revalue-item";
import {
  categoryInput,
  categoryUpdate,
  type CategoryInput,
  type CategoryUpdate,
  type CategoryUpdatedData,
  type CategoryView,
} from "./category-schemas";
import { categorySegments, isValidCategoryPath } from "./category-path";
import { ensureCategory } from "./ensure-category";

export type CategoryNode = CategoryView;

/**
 * The category tree in path order, each with its own active items and those of everything beneath it. Two
 * queries, whatever the size of the tree.
 */
export async function listCategories(db: Db, actor: Actor): Promise<CategoryNode[]> {
  authorize(actor, "stock.view");
  const [categories, counts] = await Promise.all([
    db.category.findMany({ select: { id: true, path: true, name: true, costingMethod: true }, orderBy: { path: "asc" } }),
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
    costingMethod: category.costingMethod,
  }));
}

/**
 * Adds a category (and any missing parents) by its path, with the costing method of its items if given; adding an
 * existing path changes nothing. A new category has no items yet, so its method revalues nothing.
 */
export async function addCategory(
  db: Db,
  actor: Actor,
  input: CategoryInput | string,
): Promise<{ path: string; costingMethod: CategoryView["costingMethod"] }> {
  authorize(actor, "catalog.manage");
  const { path, costingMethod } = categoryInput.parse(typeof input === "string" ? { path: input } : input);
  if (!isValidCategoryPath(path)) throw new ValidationFailed([{ field: "path", message: "Use names separated by >, like Tools > Power tools" }]);
  const normalised = categorySegments(path).join(" > ");
  return unitOfWork(db, async (tx) => {
    const existed = await tx.category.findUnique({ where: { path: normalised }, select: { id: true, costingMethod: true } });
    if (existed) return { path: normalised, costingMethod: existed.costingMethod };
    const id = await ensureCategory(tx, normalised);
    if (costingMethod) await tx.category.update({ where: { id }, data: { costingMethod } });
    await recordAudit(tx, actor, { action: "category.create", entityType: "category", entityId: id, after: { path: normalised, costingMethod } });
    return { path: normalised, costingMethod: costingMethod ?? null };
  });
}

/**
 * Gives a category another costing method (null: the installation's). Its items that name no method of their own
 * take it from `costingFrom` (today when left out), each with a revaluation entry at every site where it has
 * stock, in the same transaction, which also audits the change and queues its `category.updated` event. Setting
 * the method it already has changes nothing and announces nothing.
 */
export async function updateCategoryCosting(db: Db, actor: Actor, path: string, input: CategoryUpdate): Promise<CategoryView> {
  authorize(actor, "catalog.manage");
  const change = categoryUpdate.parse(input);
  const normalised = isValidCategoryPath(path) ? categorySegments(path).join(" > ") : path.trim();
  await unitOfWork(db, async (tx) => {
    // The row lock orders this after an item edit that reads the category's method, and vice versa.
    const [category] = await tx.$queryRaw<{ id: string; name: string; costingMethod: CategoryView["costingMethod"] }[]>`
      SELECT id, name, "costingMethod"::text AS "costingMethod" FROM "Category" WHERE path = ${normalised} FOR UPDATE`;
    if (!category) throw new NotFound("Category", path);
    if (category.costingMethod === change.costingMethod) return;
    await tx.category.update({ where: { id: category.id }, data: { costingMethod: change.costingMethod } });
    const affected = await tx.item.findMany({
      where: { categoryId: category.id, costingMethod: null, costStates: { some: {} } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    await revalueItems(
      tx,
      affected.map((item) => item.id),
      change.costingFrom,
    );
    await recordAudit(tx, actor, {
      action: "category.update",
      entityType: "category",
      entityId: category.id,
      before: { path: normalised, costingMethod: category.costingMethod },
      after: { path: normalised, costingMethod: change.costingMethod, costingFrom: change.costingFrom ?? null, itemsRevalued: affected.length },
    });
    const data: CategoryUpdatedData = {
      path: normalised,
      name: category.name,
      costingMethod: change.costingMethod,
      previousCostingMethod: category.costingMethod,
      costingFrom: change.costingFrom ?? null,
      itemsRevalued: affected.length,
    };
    await enqueueEvent(tx, { type: "category.updated", aggregateId: category.id, payload: data });
  });
  const node = (await listCategories(db, actor)).find((c) => c.path === normalised);
  return node!;
}
