import { apiRoute } from "@/lib/http/api-route";
import { confirmPick } from "@/lib/picking/confirm-pick";
import { confirmPickOp } from "@/lib/picking/operations";

export const POST = apiRoute(confirmPickOp, ({ db, actor, params, body, idempotency }) => confirmPick(db, actor, params.id, body, { idempotency }));
