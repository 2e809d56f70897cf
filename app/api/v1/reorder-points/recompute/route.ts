import { getDb } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { startRecomputeOp } from "@/lib/reorder-points/operations";
import { runQueuedRecompute } from "@/lib/reorder-points/run-recompute";
import { startRecompute } from "@/lib/reorder-points/start-recompute";

export const POST = apiRoute(startRecomputeOp, async ({ db, actor, body }) => {
  const run = await startRecompute(db, actor, body);
  // Start now rather than at the background job's next turn, on the process's client (the request's unit of work
  // may still be open; then the job finds the run once it commits). A run being worked is never claimed twice.
  if (run.started) void runQueuedRecompute(getDb()).catch((error) => console.error("reorder-point recompute failed", error));
  return run;
});
