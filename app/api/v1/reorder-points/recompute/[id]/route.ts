import { apiRoute } from "@/lib/http/api-route";
import { getRecompute } from "@/lib/reorder-points/get-recompute";
import { getRecomputeOp } from "@/lib/reorder-points/operations";

export const GET = apiRoute(getRecomputeOp, ({ db, actor, params }) => getRecompute(db, actor, params.id));
