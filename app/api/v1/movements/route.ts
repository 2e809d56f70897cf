import { apiRoute } from "@/lib/http/api-route";
import { listMovements } from "@/lib/ledger/list-movements";
import { listMovementsOp, postMovementOp } from "@/lib/ledger/operations";
import { postMovement } from "@/lib/ledger/post-movement";

export const POST = apiRoute(postMovementOp, ({ db, actor, body, idempotency }) => postMovement(db, actor, body, { idempotency }));

export const GET = apiRoute(listMovementsOp, ({ db, actor, query }) => listMovements(db, actor, query));
