import { apiRoute } from "@/lib/http/api-route";
import { getOrder } from "@/lib/orders/list-orders";
import { getOrderOp } from "@/lib/orders/operations";

export const GET = apiRoute(getOrderOp, ({ db, actor, params }) => getOrder(db, actor, params.id));
