import { apiRoute } from "@/lib/http/api-route";
import { openOrderPickList } from "@/lib/picking/open-order-pick-list";
import { openWavePickListOp } from "@/lib/picking/operations";

export const POST = apiRoute(openWavePickListOp, ({ db, actor, body, idempotency }) =>
  openOrderPickList(db, actor, body.orders, { reference: body.reference, idempotency }),
);
