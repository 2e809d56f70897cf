import { exportItems } from "@/lib/catalog/export-items";
import { exportItemsOp } from "@/lib/catalog/import-operations";
import { apiRoute } from "@/lib/http/api-route";
import { csvAnswer } from "@/lib/http/edge-answers";

export const GET = apiRoute(exportItemsOp, async ({ db, actor }) => csvAnswer(exportItems(db, actor), "items"));
