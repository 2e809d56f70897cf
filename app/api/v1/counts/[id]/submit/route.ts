import { submitCountOp } from "@/lib/counting/operations";
import { submitCount } from "@/lib/counting/submit-count";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(submitCountOp, ({ db, actor, params, body, idempotency }) => submitCount(db, actor, params.id, body, { idempotency }));
