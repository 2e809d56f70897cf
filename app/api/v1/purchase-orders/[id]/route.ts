import { apiRoute } from "@/lib/http/api-route";
import { getPurchaseOrder } from "@/lib/purchasing/get-purchase-order";
import { getPurchaseOrderOp } from "@/lib/purchasing/operations";

export const GET = apiRoute(getPurchaseOrderOp, ({ db, actor, params }) => getPurchaseOrder(db, actor, params.id));
