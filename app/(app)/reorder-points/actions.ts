"use server";

import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { runQueuedRecompute } from "@/lib/reorder-points/run-recompute";
import { startRecompute } from "@/lib/reorder-points/start-recompute";

/** "Recompute" on the reorder points page: the same rule and permission as POST /api/v1/reorder-points/recompute. */
export async function startRecomputeAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const db = getDb();
    const run = await startRecompute(db, actor, {
      site: formText(form, "site"),
      category: formText(form, "category"),
      skuPrefix: formText(form, "skuPrefix"),
    });
    if (run.started) void runQueuedRecompute(db).catch((error) => console.error("reorder-point recompute failed", error));
    return {
      ok: true,
      message: run.started ? "Recompute started." : "A recompute is already under way: showing its progress.",
      data: { runId: run.id },
      values: submittedValues(form),
    };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
