import { apiRoute } from "@/lib/http/api-route";
import { planForecastOp } from "@/lib/forecast/operations";
import { planForecast } from "@/lib/forecast/plan-forecast";

export const PUT = apiRoute(planForecastOp, ({ db, actor, params, body, idempotency }) => planForecast(db, actor, params.sku, body, { idempotency }));
