import { z } from "zod";
import { defineOperation } from "../contract/operation";
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
