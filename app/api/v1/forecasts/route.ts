import { forecastMany } from "@/lib/forecast/forecast-many";
import { forecastSeriesOp } from "@/lib/forecast/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(forecastSeriesOp, async ({ body }) => forecastMany(body));
