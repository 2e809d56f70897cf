import { apiRoute } from "@/lib/http/api-route";
import { getMovement } from "@/lib/ledger/list-movements";
import { getMovementOp } from "@/lib/ledger/operations";

export const GET = apiRoute(getMovementOp, ({ db, actor, params }) => getMovement(db, actor, params.id));
