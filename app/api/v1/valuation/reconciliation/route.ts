import { apiRoute } from "@/lib/http/api-route";
import { getValuationReconciliationOp } from "@/lib/valuation/operations";
import { valuationReconciliation } from "@/lib/valuation/valuation-reads";

export const GET = apiRoute(getValuationReconciliationOp, ({ db, actor, query }) => valuationReconciliation(db, actor, query));
