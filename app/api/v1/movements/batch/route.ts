import { apiRoute } from "@/lib/http/api-route";
import { postMovementBatchOp } from "@/lib/ledger/operations";
import { postMovements } from "@/lib/ledger/post-movement";

export const POST = apiRoute(postMovementBatchOp, ({ db, actor, body, idempotency }) => postMovements(db, actor, body.movements, { idempotency }));
