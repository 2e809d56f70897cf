import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { itemThresholds, thresholdsInForce, thresholdsInput } from "./schemas";

export const listThresholdsOp = defineOperation({
  id: "listThresholds",
  method: "GET",
  path: "/api/v1/items/{sku}/thresholds",
  tag: "Thresholds",
  permission: "stock.view",
  summary: "An item's stock thresholds: the item-wide default, and per site the values in force and where each comes from",
  description:
    "Per site you may view: min, max, reorder point, reorder quantity and safety stock in force (the site's own value where it sets one, else the item-wide default's), with `own` and `inherited` naming the fields of each kind.",
  params: z.object({ sku: z.string() }),
  response: itemThresholds,
  problems: ["not_found"],
});

export const setThresholdsOp = defineOperation({
  id: "setThresholds",
  method: "PUT",
  path: "/api/v1/items/{sku}/thresholds",
  tag: "Thresholds",
  permission: "thresholds.manage",
  idempotency: "in-transaction",
  summary: "Set an item's thresholds at a site, or its item-wide default; answers the thresholds then in force",
  description:
    "A field given is set, null clears it (the site then inherits the default's value), a field left out stays as it is. Without `site` the item-wide default is set: only a manager or admin acting at every site may (a manager limited to some sites must name one of them: 422 on `site`), and sets those sites' own thresholds (403 elsewhere). Min above max, in the row or in force at the site, is a 422 naming the field.",
  params: z.object({ sku: z.string() }),
  body: thresholdsInput,
  response: thresholdsInForce,
  problems: ["not_found"],
});
