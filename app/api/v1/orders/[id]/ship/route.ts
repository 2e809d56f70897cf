import { apiRoute } from "@/lib/http/api-route";
import { shipOrderOp } from "@/lib/orders/operations";
import { shipOrder } from "@/lib/orders/ship-order";

export const POST = apiRoute(shipOrderOp, ({ db, actor, params, body, idempotency }) => shipOrder(db, actor, params.id, body, { idempotency }));
