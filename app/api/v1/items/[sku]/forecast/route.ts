import { apiRoute } from "@/lib/http/api-route";
import { forecastItem } from "@/lib/forecast/forecast-item";
import { forecastItemOp } from "@/lib/forecast/operations";

export const GET = apiRoute(forecastItemOp, ({ db, actor, params, query }) => forecastItem(db, actor, { sku: params.sku, ...query }));
