import { apiRoute } from "@/lib/http/api-route";
import { reverseMovementOp } from "@/lib/ledger/operations";
import { reverseMovement } from "@/lib/ledger/reverse-movement";

export const POST = apiRoute(reverseMovementOp, ({ db, actor, params, body, idempotency }) =>
  reverseMovement(db, actor, params.id, body, { idempotency }),
);
