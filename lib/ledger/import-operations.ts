import { z } from "zod";
import { CSV_BODY_DESCRIPTION, CSV_UPLOAD, importQuery, importReport } from "../csv/import-report";
import { defineOperation } from "../contract/operation";
import { STOCK_CSV_COLUMNS } from "./stock-csv-row";

const columns = STOCK_CSV_COLUMNS.join(", ");

export const importOpeningStockOp = defineOperation({
  id: "importOpeningStock",
  method: "POST",
  path: "/api/v1/stock/import",
  tag: "Stock",
  permission: "stock.move",
  summary: "Check or import opening stock from a CSV file: each row is received into its location",
  description:
    `${CSV_BODY_DESCRIPTION} ` +
    `Columns (header names in any case; sku, location and quantity required): ${columns}. expires: YYYY-MM-DD; serials: ` +
    `separated by spaces or |; reference: OPENING-STOCK when empty. Each row is checked as the ledger checks a receipt ` +
    `(stock.move at the location's site, storage conditions, lots, serials). Rows are posted as \`receive\` movements in ` +
    `atomic batches of up to 1,000 per site. With mode=import-all and any bad row, nothing is posted and the 422 problem ` +
    `carries the report in \`report\`.`,
  query: importQuery,
  response: importReport,
  upload: CSV_UPLOAD,
});

export const exportStockOp = defineOperation({
  id: "exportStock",
  method: "GET",
  path: "/api/v1/stock/export",
  tag: "Stock",
  permission: "stock.view",
  summary: "Stock on hand at the caller's sites as CSV, in the columns the opening-stock import reads",
  description: `Columns: ${columns}. One row per item, physical location and lot; serial items list their serials. UTF-8 with a BOM, comma-separated, streamed.`,
  response: z.string().describe("CSV text"),
  contentType: "text/csv",
});
