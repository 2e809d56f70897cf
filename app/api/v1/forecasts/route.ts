import { forecastManyOffThread } from "@/lib/forecast/forecast-thread";
import { forecastSeriesOp } from "@/lib/forecast/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(forecastSeriesOp, async ({ body, request }) => forecastManyOffThread(body, { signal: request.signal }));
