import { apiRoute } from "@/lib/http/api-route";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { cancelOrderOp } from "@/lib/orders/operations";

export const POST = apiRoute(cancelOrderOp, ({ db, actor, params, idempotency }) => cancelOrder(db, actor, params.id, { idempotency }));
