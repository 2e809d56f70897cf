import { apiRoute } from "@/lib/http/api-route";
import { openOrderPickListOp } from "@/lib/orders/operations";
import { openOrderPickList } from "@/lib/picking/open-order-pick-list";

export const POST = apiRoute(openOrderPickListOp, ({ db, actor, params, idempotency }) => openOrderPickList(db, actor, [params.id], { idempotency }));
