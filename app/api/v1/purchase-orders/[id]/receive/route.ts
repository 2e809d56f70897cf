import { apiRoute } from "@/lib/http/api-route";
import { receivePurchaseOrder } from "@/lib/purchasing/receive-purchase-order";
import { receivePurchaseOrderOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(receivePurchaseOrderOp, ({ db, actor, params, body, idempotency }) =>
  receivePurchaseOrder(db, actor, params.id, body, { idempotency }),
);
