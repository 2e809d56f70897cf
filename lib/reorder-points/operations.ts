import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { recomputeFilter, recomputeRunView } from "./schemas";

export const startRecomputeOp = defineOperation({
  id: "startReorderPointRecompute",
  method: "POST",
  path: "/api/v1/reorder-points/recompute",
  tag: "Forecasts",
  permission: "thresholds.manage",
  status: 202,
  summary: "Recompute suggested reorder points from the forecast, for all items or a filter, in the background",
  description:
    "Answers the run (follow it at GET …/recompute/{id}); `started` is false when a run was already queued or running, which is answered instead (one at a time). For each item × site with customer demand in the last year, the forecast's reorder point and safety stock become the site's own thresholds, unless the site's reorder point was set by hand (cleared, it is recomputed again). A manager of some sites names one of them. Also runs by itself weekly (Sunday 02:00 UTC).",
  body: recomputeFilter,
  response: recomputeRunView.extend({ started: z.boolean() }),
  problems: ["not_found"],
});

export const getRecomputeOp = defineOperation({
  id: "getReorderPointRecompute",
  method: "GET",
  path: "/api/v1/reorder-points/recompute/{id}",
  tag: "Forecasts",
  permission: "stock.view",
  summary: "A reorder-point recompute's progress: status, total, done, applied, skipped, start and finish",
  params: z.object({ id: z.string() }),
  response: recomputeRunView,
  problems: ["not_found"],
});
