import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { RetryableConflict, unitOfWork } from "../db/unit-of-work";
import { NotFound, ValidationFailed } from "../domain-error";
import { recomputeFilter, toRunView, type RecomputeRunView } from "./schemas";

/**
 * Queues a recompute of the suggested reorder points for the items the filter takes, or answers the run already
 * queued or running: one at a time (a partial unique index), so two starts at once make one run. A manager of
 * some sites recomputes one of them only (name it); the background job (./run-recompute.ts) does the work.
 */
export async function startRecompute(db: Db, actor: Actor, input: unknown): Promise<RecomputeRunView & { started: boolean }> {
  authorize(actor, "thresholds.manage");
  const filter = recomputeFilter.parse(input ?? {});
  if (filter.site) {
    const site = await db.site.findUnique({ where: { code: filter.site }, select: { id: true } });
    if (!site) throw new NotFound("Site", filter.site);
    authorize(actor, "thresholds.manage", { siteId: site.id });
  } else if (actor.sites !== "all") {
    throw new ValidationFailed([{ field: "site", message: "You act at some sites only: name the site to recompute" }]);
  }
  return unitOfWork(db, async (tx) => {
    const id = uuidv7();
    const inserted = await tx.$executeRaw`
      INSERT INTO "ReorderPointRun" (id, filter, "requestedBy") VALUES (${id}::uuid, ${JSON.stringify(filter)}::jsonb, ${actor.label})
      ON CONFLICT DO NOTHING`;
    const [row] = await tx.$queryRaw<Parameters<typeof toRunView>[0][]>`
      SELECT * FROM "ReorderPointRun" WHERE ${inserted ? Prisma.sql`id = ${id}::uuid` : Prisma.sql`status IN ('queued', 'running')`}`;
    // The active run finished between the two statements: a fresh attempt queues a new one.
    if (!row) throw new RetryableConflict("the active reorder-point run finished meanwhile");
    if (inserted) await recordAudit(tx, actor, { action: "reorderPoints.recompute", entityType: "reorderPointRun", entityId: id, after: filter });
    return { ...toRunView(row), started: inserted > 0 };
  });
}
