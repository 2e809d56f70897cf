import { apiRoute } from "@/lib/http/api-route";
import { returnOrderOp } from "@/lib/orders/operations";
import { returnOrder } from "@/lib/orders/return-order";

export const POST = apiRoute(returnOrderOp, ({ db, actor, params, body, idempotency }) => returnOrder(db, actor, params.id, body, { idempotency }));
