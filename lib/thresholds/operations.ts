import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { CSV_BODY_DESCRIPTION, CSV_UPLOAD, importQuery, importReport } from "../csv/import-report";
import { THRESHOLD_CSV_COLUMNS } from "./threshold-csv-row";
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

const thresholdColumns = THRESHOLD_CSV_COLUMNS.join(", ");

export const importThresholdsOp = defineOperation({
  id: "importThresholds",
  method: "POST",
  path: "/api/v1/thresholds/import",
  tag: "Thresholds",
  permission: "thresholds.manage",
  summary: "Check or import stock thresholds per item and site from a CSV file; every bad row is reported with the reason",
  description:
    `${CSV_BODY_DESCRIPTION} Columns: ${thresholdColumns} (sku and site required as headers). One row per item × site; ` +
    "an empty `site` is the item-wide default every site inherits. An empty number cell clears that threshold (a site then inherits the default's), `-` leaves it as it is. " +
    "Rows are written as PUT /api/v1/items/{sku}/thresholds writes them (same rules, audit and events), all in one transaction: import-all writes every row or none.",
  query: importQuery,
  response: importReport,
  upload: CSV_UPLOAD,
});

export const exportThresholdsOp = defineOperation({
  id: "exportThresholds",
  method: "GET",
  path: "/api/v1/thresholds/export",
  tag: "Thresholds",
  permission: "stock.view",
  summary: "Every threshold row (item-wide defaults and sites' own) as CSV, in the columns the thresholds import reads",
  description: `Columns: ${thresholdColumns}. Each row holds only the values it sets itself; sites you may not view are left out. Streamed.`,
  response: z.string().describe("CSV text"),
  contentType: "text/csv",
});
