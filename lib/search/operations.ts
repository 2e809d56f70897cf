import { z } from "zod";
import { itemSkuParams } from "../catalog/schemas";
import { defineOperation } from "../contract/operation";
import { itemLocation, searchHit, searchQuery } from "./schemas";

export const searchOp = defineOperation({
  id: "searchEverything",
  method: "GET",
  path: "/api/v1/search",
  tag: "Search",
  permission: "stock.view",
  summary: "One search box: items by SKU, barcode, supplier SKU or (misspelled) name words, and locations, lots and serials",
  description:
    "Best first: an exact code scores 1 and answers alone; then prefixes, words of the name, words of the description, and names that resemble the query give or take typos. Locations, lots, serials and stock are limited to the sites you may see; items are not, but their `stock` is.",
  query: searchQuery,
  response: z.object({ data: z.array(searchHit) }).meta({ id: "SearchResults" }),
});

export const listItemLocationsOp = defineOperation({
  id: "listItemLocations",
  method: "GET",
  path: "/api/v1/items/{sku}/locations",
  tag: "Search",
  permission: "stock.view",
  summary: "Where is this item: every bin holding it at the sites you may see, earliest expiry first, with its place on the site's map",
  params: itemSkuParams,
  response: z.object({ data: z.array(itemLocation) }).meta({ id: "ItemLocations" }),
  problems: ["not_found"],
});
