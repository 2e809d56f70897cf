import { apiRoute } from "@/lib/http/api-route";
import { closePeriod, listClosedPeriods } from "@/lib/valuation/close-period";
import { closePeriodOp, listClosedPeriodsOp } from "@/lib/valuation/operations";

export const GET = apiRoute(listClosedPeriodsOp, ({ db, actor }) => listClosedPeriods(db, actor));

export const POST = apiRoute(closePeriodOp, ({ db, actor, body }) => closePeriod(db, actor, body.month));
