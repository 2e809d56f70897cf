import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ReplenishmentView } from "./schemas";

export const replenishmentSelect = {
  id: true,
  siteId: true,
  quantity: true,
  status: true,
  createdAt: true,
  doneAt: true,
  doneByLabel: true,
  postingId: true,
  site: { select: { code: true } },
  item: { select: { sku: true, name: true } },
  lot: { select: { number: true } },
  fromLocation: { select: { code: true } },
  toLocation: { select: { code: true } },
} satisfies Prisma.ReplenishmentTaskSelect;

type Row = Prisma.ReplenishmentTaskGetPayload<{ select: typeof replenishmentSelect }>;

export function toReplenishmentView(row: Row): ReplenishmentView {
  return {
    id: row.id,
    site: row.site.code,
    sku: row.item.sku,
    itemName: row.item.name,
    lot: row.lot?.number ?? null,
    from: row.fromLocation.code,
    to: row.toLocation.code,
    quantity: row.quantity,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: row.doneByLabel,
    postingId: row.postingId,
  };
}

/** Views of these tasks with their site ids (for events and scope checks), in one read. */
export async function findReplenishmentViews(
  db: Db | DbTx,
  ids: readonly string[],
): Promise<{ id: string; siteId: string; view: ReplenishmentView }[]> {
  if (ids.length === 0) return [];
  const rows = await db.replenishmentTask.findMany({ where: { id: { in: [...ids] } }, select: replenishmentSelect });
  return rows.map((row) => ({ id: row.id, siteId: row.siteId, view: toReplenishmentView(row) }));
}
