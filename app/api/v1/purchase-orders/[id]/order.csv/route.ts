import { apiRoute } from "@/lib/http/api-route";
import { fileAnswer } from "@/lib/http/edge-answers";
import { downloadPurchaseOrderCsvOp } from "@/lib/purchasing/operations";
import { downloadPurchaseOrderCsv } from "@/lib/purchasing/purchase-order-csv";

export const GET = apiRoute(downloadPurchaseOrderCsvOp, ({ db, actor, params }) => fileAnswer(downloadPurchaseOrderCsv(db, actor, params.id)));
