import { apiRoute } from "@/lib/http/api-route";
import { getValuationOp } from "@/lib/valuation/operations";
import { valuationAsOf } from "@/lib/valuation/valuation-reads";

export const GET = apiRoute(getValuationOp, ({ db, actor, query }) => valuationAsOf(db, actor, query));
