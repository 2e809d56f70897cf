import { z } from "zod";
import { CSV_BODY_DESCRIPTION, CSV_UPLOAD, importQuery, importReport } from "../csv/import-report";
import { defineOperation } from "../contract/operation";
import { ITEM_CSV_COLUMNS } from "./item-csv-row";

const columns = ITEM_CSV_COLUMNS.join(", ");

export const importItemsOp = defineOperation({
  id: "importItems",
  method: "POST",
  path: "/api/v1/items/import",
  tag: "Catalogue",
  permission: "catalog.manage",
  summary: "Check or import items from a CSV file; every bad row is reported with the reason",
  description:
    `${CSV_BODY_DESCRIPTION} ` +
    `Columns (header names in any case; sku and name required): ${columns}. barcodes: several separated by spaces or |; ` +
    `category: a path such as "Tools > Drills"; supplier: a supplier code. ` +
    "A file that cannot be read at all (size, encoding, unknown or missing columns) is a 422 naming `file`. " +
    "With mode=import-all and any bad row, nothing is written and the 422 problem carries the report in `report`.",
  query: importQuery,
  response: importReport,
  upload: CSV_UPLOAD,
});

export const exportItemsOp = defineOperation({
  id: "exportItems",
  method: "GET",
  path: "/api/v1/items/export",
  tag: "Catalogue",
  permission: "stock.view",
  summary: "Every active item as CSV, in the columns the items import reads",
  description: `Columns: ${columns}. Of several suppliers, the preferred one is written. UTF-8 with a BOM, comma-separated, streamed in SKU order.`,
  response: z.string().describe("CSV text"),
  contentType: "text/csv",
});
