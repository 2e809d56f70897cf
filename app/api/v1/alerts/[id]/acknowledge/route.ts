import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { acknowledgeAlertOp } from "@/lib/alerts/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(acknowledgeAlertOp, ({ db, actor, params, body, idempotency }) =>
  acknowledgeAlert(db, actor, params.id, body, { idempotency }),
);
