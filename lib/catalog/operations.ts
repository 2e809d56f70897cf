import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { categoryInput, categoryPathParams, categoryUpdate, categoryView } from "./category-schemas";
import { itemInput, itemListQuery, itemSkuParams, itemUpdate, itemView } from "./schemas";

export const listItemsOp = defineOperation({
  id: "listItems",
  method: "GET",
  path: "/api/v1/items",
  tag: "Catalogue",
  permission: "stock.view",
  summary: "List active items in SKU order, a page at a time; search by SKU, name or barcode, or by category",
  query: itemListQuery,
  response: z.object({
    data: z.array(itemView),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  }),
});

export const createItemOp = defineOperation({
  id: "createItem",
  method: "POST",
  path: "/api/v1/items",
  tag: "Catalogue",
  permission: "catalog.manage",
  summary: "Add an item to the catalogue",
  status: 201,
  body: itemInput,
  response: itemView,
  problems: ["sku_taken", "barcode_taken"],
});

export const getItemOp = defineOperation({
  id: "getItem",
  method: "GET",
  path: "/api/v1/items/{sku}",
  tag: "Catalogue",
  permission: "stock.view",
  summary: "One item by SKU (any case), archived or not",
  params: itemSkuParams,
  response: itemView,
  problems: ["not_found"],
});

export const updateItemOp = defineOperation({
  id: "updateItem",
  method: "PATCH",
  path: "/api/v1/items/{sku}",
  tag: "Catalogue",
  permission: "catalog.manage",
  summary: "Change an item's details, barcodes or suppliers, or archive it (`active: false`)",
  params: itemSkuParams,
  body: itemUpdate,
  response: itemView,
  problems: ["not_found", "barcode_taken"],
});

export const listCategoriesOp = defineOperation({
  id: "listCategories",
  method: "GET",
  path: "/api/v1/categories",
  tag: "Catalogue",
  permission: "stock.view",
  summary: "The category tree in path order, with item counts and each category's costing method",
  response: z.object({ data: z.array(categoryView) }),
});

export const addCategoryOp = defineOperation({
  id: "addCategory",
  method: "POST",
  path: "/api/v1/categories",
  tag: "Catalogue",
  permission: "catalog.manage",
  summary: "Add a category (and missing parents) by its path, optionally with the costing method of its items",
  status: 201,
  body: categoryInput,
  response: z.object({ path: z.string(), costingMethod: categoryView.shape.costingMethod }),
});

export const updateCategoryOp = defineOperation({
  id: "updateCategory",
  method: "PATCH",
  path: "/api/v1/categories/{path}",
  tag: "Catalogue",
  permission: "catalog.manage",
  summary: "Change a category's costing method: its items without their own method are revalued from `costingFrom`",
  params: categoryPathParams,
  body: categoryUpdate,
  response: categoryView,
  problems: ["not_found"],
});
