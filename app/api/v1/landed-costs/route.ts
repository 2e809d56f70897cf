import { apiRoute } from "@/lib/http/api-route";
import { addLandedCost } from "@/lib/valuation/add-landed-cost";
import { addLandedCostOp } from "@/lib/valuation/operations";

export const POST = apiRoute(addLandedCostOp, ({ db, actor, body, idempotency }) => addLandedCost(db, actor, body, { idempotency }));
