import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { AlertView } from "./schemas";

export const alertSelect = {
  id: true,
  kind: true,
  state: true,
  siteId: true,
  detail: true,
  raisedAt: true,
  acknowledgedAt: true,
  acknowledgeNote: true,
  resolvedAt: true,
  site: { select: { code: true } },
  item: { select: { sku: true, name: true } },
  location: { select: { code: true } },
  lot: { select: { number: true } },
  acknowledgedByLabel: true,
} satisfies Prisma.AlertSelect;

export type AlertRecord = Prisma.AlertGetPayload<{ select: typeof alertSelect }>;

export function toAlertView(row: AlertRecord): AlertView {
  return {
    id: row.id,
    kind: row.kind,
    sku: row.item?.sku ?? null,
    itemName: row.item?.name ?? null,
    site: row.site.code,
    location: row.location?.code ?? null,
    lot: row.lot?.number ?? null,
    state: row.state,
    raisedAt: row.raisedAt.toISOString(),
    acknowledgedBy: row.acknowledgedByLabel,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgeNote: row.acknowledgeNote,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    detail: (row.detail ?? {}) as Record<string, unknown>,
  };
}

/** The views of these alerts, in the order asked (one read). */
export async function alertViews(db: Db | DbTx, ids: readonly string[]): Promise<AlertView[]> {
  if (ids.length === 0) return [];
  const rows = await db.alert.findMany({ where: { id: { in: [...ids] } }, select: alertSelect });
  const byId = new Map(rows.map((row) => [row.id, toAlertView(row)]));
  return ids.map((id) => byId.get(id)).filter((view): view is AlertView => view !== undefined);
}
