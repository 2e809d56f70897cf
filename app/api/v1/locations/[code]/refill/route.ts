import { apiRoute } from "@/lib/http/api-route";
import { setRefillLevelOp } from "@/lib/replenishment/operations";
import { setRefillLevel } from "@/lib/replenishment/set-refill-level";

export const PUT = apiRoute(setRefillLevelOp, ({ db, actor, params, body }) => setRefillLevel(db, actor, params.code, body));
