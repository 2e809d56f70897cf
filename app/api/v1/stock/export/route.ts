import { csvDownload } from "@/lib/http/csv-download";
import { exportStock } from "@/lib/ledger/export-stock";
import { exportStockOp } from "@/lib/ledger/import-operations";

export const GET = csvDownload(exportStockOp, "stock", (db, actor) => exportStock(db, actor));
