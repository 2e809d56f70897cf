import { defineOperation } from "../contract/operation";
import { forecastAnswer, forecastInput, MAX_SERIES_PER_CALL } from "./schemas";

export const forecastSeriesOp = defineOperation({
  id: "forecastSeries",
  method: "POST",
  path: "/api/v1/forecasts",
  tag: "Forecasts",
  permission: "stock.view",
  readOnly: true,
  summary: "Forecast demand series sent in the call, with the method chosen per series and prediction intervals",
  description:
    `Stateless: nothing is read or stored. Up to ${MAX_SERIES_PER_CALL} series a call. Each series is classified (smooth, erratic, ` +
    "intermittent, lumpy by ADI and CV²), its method chosen among SES, Theta, ETS, Croston, SBA, TSB and " +
    "combinations by rolling-origin holdout on its own history, and its intervals set from the holdout errors (never below zero). " +
    "`null` values are missing periods, not zero demand. A 422 names each series that cannot be forecast and why " +
    "(negative demand, too short, horizon out of range).",
  body: forecastInput,
  response: forecastAnswer,
  maxBodyBytes: 32 * 1024 * 1024,
});
