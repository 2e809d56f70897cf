import { apiRoute } from "@/lib/http/api-route";
import { recordShippingNotice } from "@/lib/purchasing/record-shipping-notice";
import { recordShippingNoticeOp } from "@/lib/purchasing/operations";

export const POST = apiRoute(recordShippingNoticeOp, ({ db, actor, params, body, idempotency }) =>
  recordShippingNotice(db, actor, params.id, body, { idempotency }),
);
