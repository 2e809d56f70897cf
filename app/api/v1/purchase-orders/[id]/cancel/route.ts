import { apiRoute } from "@/lib/http/api-route";
import { cancelPurchaseOrder } from "@/lib/purchasing/cancel-purchase-order";
import { cancelPurchaseOrderOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(cancelPurchaseOrderOp, ({ db, actor, params, body, idempotency }) =>
  cancelPurchaseOrder(db, actor, params.id, body, { idempotency }),
);
