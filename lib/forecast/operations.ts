import { defineOperation } from "../contract/operation";
import { z } from "zod";
import { forecastAnswer, forecastInput, forecastPlanInput, forecastPlanView, itemForecast, itemForecastQuery, MAX_SERIES_PER_CALL } from "./schemas";

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
    "When a call holds 100 or more monthly series with demand in every month (at least 30 months each), a model is also " +
    "learnt across those series and averaged with each one's chosen method (`method` then reads `mean(<method>,global)`). " +
    "`null` values are missing periods, not zero demand. A 422 names each series that cannot be forecast and why " +
    "(negative demand, too short, horizon out of range).",
  body: forecastInput,
  response: forecastAnswer,
  maxBodyBytes: 32 * 1024 * 1024,
});

export const forecastItemOp = defineOperation({
  id: "forecastItem",
  method: "GET",
  path: "/api/v1/items/{sku}/forecast",
  tag: "Forecasts",
  permission: "stock.view",
  summary: "An item's demand history at a site, its forecast with intervals, why the method was chosen, and a suggested reorder point",
  description:
    "Demand is what left to customers (issues, fulfilled orders) less reversals; stockout periods are read as missing. The reorder point is the forecast demand over the preferred supplier's lead time (14 days when none is stated) plus safety stock for a cycle service level by ABC class (A 98%, B 95%, C 90%).",
  params: z.object({ sku: z.string() }),
  query: itemForecastQuery,
  response: itemForecast,
  problems: ["not_found"],
});

export const planForecastOp = defineOperation({
  id: "planForecast",
  method: "PUT",
  path: "/api/v1/items/{sku}/forecast/plan",
  tag: "Forecasts",
  permission: "catalog.manage",
  idempotency: "in-transaction",
  summary: "Pin a forecast method for an item at a site, or correct one period's demand with a note",
  description:
    "`pinnedMethod`: a name from the forecast's `holdout` list, used instead of the best-scored one (null: automatic; a name that is not a contender for the item's class is ignored). `override`: the period's first day, the demand to read instead of the ledger's (null removes the correction), and why.",
  params: z.object({ sku: z.string() }),
  body: forecastPlanInput,
  response: forecastPlanView,
  problems: ["not_found"],
});
