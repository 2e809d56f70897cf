import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { toRunView, type RecomputeRunView } from "./schemas";

type RunRow = Parameters<typeof toRunView>[0];

/** A run's progress. Anyone who may view stock may follow it. */
export async function getRecompute(db: Db, actor: Actor, id: string): Promise<RecomputeRunView> {
  authorize(actor, "stock.view");
  const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await db.$queryRaw<RunRow[]>`SELECT * FROM "ReorderPointRun" WHERE id = ${id}::uuid` : [];
  if (!row) throw new NotFound("Recompute run", id);
  return toRunView(row);
}

/** The latest runs, newest first (the planning page shows the last one). */
export async function listRecomputes(db: Db, actor: Actor, limit = 5): Promise<RecomputeRunView[]> {
  authorize(actor, "stock.view");
  const rows = await db.$queryRaw<RunRow[]>`SELECT * FROM "ReorderPointRun" ORDER BY "createdAt" DESC LIMIT ${limit}`;
  return rows.map(toRunView);
}
