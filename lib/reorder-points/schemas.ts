import { z } from "zod";
import { codeField } from "../contract/code-field";

export const recomputeFilter = z.object({
  site: codeField.optional().describe("Only this site's items; all sites when left out"),
  category: z.string().trim().min(1).max(200).optional().describe('A category path ("Tools > Drills"): its items and its sub-categories\''),
  skuPrefix: z.string().trim().min(1).max(64).optional().describe("Only SKUs starting with this (any case)"),
});
export type RecomputeFilter = z.output<typeof recomputeFilter>;

export const RUN_STATUSES = ["queued", "running", "done", "failed"] as const;

export const recomputeRunView = z
  .object({
    id: z.string(),
    status: z.enum(RUN_STATUSES),
    filter: recomputeFilter,
    requestedBy: z.string(),
    total: z.number().int().describe("Item × site pairs with demand in the last year that the filter takes"),
    done: z.number().int(),
    applied: z.number().int().describe("Pairs whose reorder point and safety stock were written from the forecast"),
    skipped: z.number().int().describe("Pairs left alone: a reorder point set by hand, or too little history to forecast"),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "ReorderPointRun" });
export type RecomputeRunView = z.infer<typeof recomputeRunView>;

type RunRow = {
  id: string;
  status: string;
  filter: unknown;
  requestedBy: string;
  total: number;
  done: number;
  applied: number;
  skipped: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function toRunView(row: RunRow): RecomputeRunView {
  return {
    id: row.id,
    status: row.status as RecomputeRunView["status"],
    filter: (row.filter ?? {}) as RecomputeFilter,
    requestedBy: row.requestedBy,
    total: row.total,
    done: row.done,
    applied: row.applied,
    skipped: row.skipped,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
