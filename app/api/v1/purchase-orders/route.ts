import { apiRoute } from "@/lib/http/api-route";
import { createPurchaseOrder } from "@/lib/purchasing/create-purchase-order";
import { listPurchaseOrders } from "@/lib/purchasing/list-purchase-orders";
import { createPurchaseOrderOp, listPurchaseOrdersOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(createPurchaseOrderOp, ({ db, actor, body }) => createPurchaseOrder(db, actor, body));

export const GET = apiRoute(listPurchaseOrdersOp, async ({ db, actor, query }) => ({ data: await listPurchaseOrders(db, actor, query) }));
