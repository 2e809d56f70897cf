import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { normaliseBarcode } from "./barcode";
import { categorySubtree, normaliseCategoryPath } from "./category-path";
import { itemWithRelations, toItemView } from "./item-view";
import { itemListQuery, type ItemListQuery, type ItemView } from "./schemas";

export type ItemPage = { data: ItemView[]; nextCursor: string | null };

// The cursor is the last SKU key of the page, opaque to callers so the ordering can change without breaking them.
const encodeCursor = (skuKey: string) => Buffer.from(skuKey, "utf8").toString("base64url");
const decodeCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

function searchFilter(q: string): Prisma.ItemWhereInput {
  const barcodes = [...new Set([q, normaliseBarcode(q)])];
  return {
    OR: [
      { skuKey: { contains: q.toLowerCase() } },
      { name: { contains: q, mode: "insensitive" } },
      { barcodes: { some: { code: { in: barcodes } } } },
    ],
  };
}

/**
 * Active items in SKU order, a page at a time (keyset on the SKU key, so pages stay stable while items are
 * added). Items are not site-bound: anyone who may view stock somewhere may read the catalogue.
 */
export async function listItems(db: Db, actor: Actor, input: ItemListQuery = {}): Promise<ItemPage> {
  authorize(actor, "stock.view");
  const query = itemListQuery.parse(input);
  const where: Prisma.ItemWhereInput = {
    active: true,
    ...(query.cursor ? { skuKey: { gt: decodeCursor(query.cursor) } } : {}),
    ...(query.category ? { category: categorySubtree(normaliseCategoryPath(query.category)) } : {}),
    ...(query.q ? searchFilter(query.q) : {}),
  };
  const rows = await db.item.findMany({ where, include: itemWithRelations, orderBy: { skuKey: "asc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(toItemView),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].skuKey) : null,
  };
}
