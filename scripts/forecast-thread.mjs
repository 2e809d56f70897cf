// A worker thread that answers one POST /api/v1/forecasts call (started by lib/forecast/forecast-thread.ts):
// lib's TypeScript loaded through tsx, outside the server's bundle.
import { register } from "tsx/esm/api";

register();
const { runInForecastThread } = await import("../lib/forecast/forecast-thread.ts");
runInForecastThread();
