import { apiRoute } from "@/lib/http/api-route";
import { fileAnswer } from "@/lib/http/edge-answers";
import { printPurchaseOrderOp } from "@/lib/purchasing/operations";
import { printPurchaseOrder } from "@/lib/purchasing/print-purchase-order";

export const GET = apiRoute(printPurchaseOrderOp, ({ db, actor, params }) => fileAnswer(printPurchaseOrder(db, actor, params.id)));
