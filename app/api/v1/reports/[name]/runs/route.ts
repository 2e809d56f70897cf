import { getDb } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { startReportRunOp } from "@/lib/reports/operations";
import { runQueuedReports, startReportRun } from "@/lib/reports/report-runs";

export const POST = apiRoute(startReportRunOp, async ({ db, actor, params, body }) => {
  const run = await startReportRun(db, actor, params.name, body);
  // Start now rather than at the runner's next turn, on the process's client; if the request's unit of work has
  // not committed yet, the background job finds the run within seconds.
  void runQueuedReports(getDb(), { maxRuns: 1 }).catch((error) => console.error("report run failed", error));
  return run;
});
