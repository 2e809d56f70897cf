import { exportItems } from "@/lib/catalog/export-items";
import { exportItemsOp } from "@/lib/catalog/import-operations";
import { csvDownload } from "@/lib/http/csv-download";

export const GET = csvDownload(exportItemsOp, "items", (db, actor) => exportItems(db, actor));
