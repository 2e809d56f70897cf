import { apiRoute } from "@/lib/http/api-route";
import { csvAnswer } from "@/lib/http/edge-answers";
import { exportStock } from "@/lib/ledger/export-stock";
import { exportStockOp } from "@/lib/ledger/import-operations";

export const GET = apiRoute(exportStockOp, async ({ db, actor }) => csvAnswer(exportStock(db, actor), "stock"));
