import { apiRoute } from "@/lib/http/api-route";
import { closePurchaseOrder } from "@/lib/purchasing/close-purchase-order";
import { closePurchaseOrderOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(closePurchaseOrderOp, ({ db, actor, params, body, idempotency }) =>
  closePurchaseOrder(db, actor, params.id, body, { idempotency }),
);
