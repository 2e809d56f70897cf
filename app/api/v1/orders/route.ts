import { apiRoute } from "@/lib/http/api-route";
import { createOrder } from "@/lib/orders/create-order";
import { listOrders } from "@/lib/orders/list-orders";
import { createOrderOp, listOrdersOp } from "@/lib/orders/operations";

export const POST = apiRoute(createOrderOp, ({ db, actor, body, idempotency }) => createOrder(db, actor, body, { idempotency }));

export const GET = apiRoute(listOrdersOp, ({ db, actor, query }) => listOrders(db, actor, query));
