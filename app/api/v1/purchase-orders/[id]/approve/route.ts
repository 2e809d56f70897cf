import { apiRoute } from "@/lib/http/api-route";
import { approvePurchaseOrder } from "@/lib/purchasing/approve-purchase-order";
import { approvePurchaseOrderOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(approvePurchaseOrderOp, ({ db, actor, params, body, idempotency }) =>
  approvePurchaseOrder(db, actor, params.id, body, { idempotency }),
);
