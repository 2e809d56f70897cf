import { apiRoute } from "@/lib/http/api-route";
import { confirmReplenishment } from "@/lib/replenishment/confirm-replenishment";
import { confirmReplenishmentOp } from "@/lib/replenishment/operations";

export const POST = apiRoute(confirmReplenishmentOp, ({ db, actor, params, body, idempotency }) =>
  confirmReplenishment(db, actor, params.id, body, { idempotency }),
);
