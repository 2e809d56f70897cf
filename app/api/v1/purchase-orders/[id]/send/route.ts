import { apiRoute } from "@/lib/http/api-route";
import { sendPurchaseOrder } from "@/lib/purchasing/send-purchase-order";
import { sendPurchaseOrderOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(sendPurchaseOrderOp, ({ db, actor, params, body, idempotency }) =>
  sendPurchaseOrder(db, actor, params.id, body, { idempotency }),
);
