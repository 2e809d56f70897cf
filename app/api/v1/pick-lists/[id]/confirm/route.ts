import { apiRoute } from "@/lib/http/api-route";
import { confirmPick } from "@/lib/picking/confirm-pick";
import { confirmStopOp } from "@/lib/picking/operations";
import { stopAsPick } from "@/lib/picking/pick-list-view";

export const POST = apiRoute(confirmStopOp, async ({ db, actor, params, body, idempotency }) =>
  confirmPick(db, actor, params.id, await stopAsPick(db, actor, params.id, body), { idempotency }),
);
