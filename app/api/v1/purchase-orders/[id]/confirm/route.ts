import { apiRoute } from "@/lib/http/api-route";
import { confirmPurchaseOrder } from "@/lib/purchasing/confirm-purchase-order";
import { confirmPurchaseOrderOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(confirmPurchaseOrderOp, ({ db, actor, params, body, idempotency }) =>
  confirmPurchaseOrder(db, actor, params.id, body, { idempotency }),
);
