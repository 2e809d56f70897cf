import { apiRoute } from "@/lib/http/api-route";
import { setReasonCodeActive } from "@/lib/reasons/manage-reason-codes";
import { updateReasonCodeOp } from "@/lib/reasons/operations";

export const PATCH = apiRoute(updateReasonCodeOp, ({ db, actor, params, body }) => setReasonCodeActive(db, actor, params.code, body.active));
