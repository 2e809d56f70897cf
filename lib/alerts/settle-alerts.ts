/**
 * The one way alerts change state by themselves: given the conditions that were checked and those of them that
 * hold, open an alert for each holding condition that has none open, and resolve the open ones whose condition
 * no longer holds. The partial unique index on an open alert's condition key makes a racing second opener a
 * no-op, so however many movements cross a line at once there is one open alert per condition; after it
 * resolves, crossing the line again opens a new one.
 */
import type { DbTx } from "../db/client";
import { Prisma, type AlertKind } from "../db/generated/client";
import { enqueueEvent } from "../outbox/enqueue-event";
import { alertSelect, toAlertView } from "./alert-view";

export type AlertCondition = {
  kind: AlertKind;
  /** Stable name of the condition: its kind and what it is about, e.g. "low_stock:<item>:<site>". */
  key: string;
  siteId: string;
  itemId?: string | null;
  locationId?: string | null;
  lotId?: string | null;
  detail: Record<string, unknown>;
};

/** What was checked: these condition keys, or every open alert of these kinds (a scan over everything). */
export type CheckedScope = { keys: readonly string[] } | { kinds: readonly AlertKind[]; lotIds?: readonly string[] };

export type SettledAlerts = { raised: string[]; resolved: string[] };

const UTC_NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')`); // columns hold UTC without a zone, as Prisma writes them

export async function settleAlerts(tx: DbTx, checked: CheckedScope, holding: readonly AlertCondition[]): Promise<SettledAlerts> {
  const holdingKeys = holding.map((condition) => condition.key);
  const resolved = await resolveCleared(tx, checked, holdingKeys);
  const raised = holding.length ? await openHolding(tx, holding) : [];
  if (holding.length) await refreshDetails(tx, holding);
  await announce(tx, "alert.raised", raised);
  await announce(tx, "alert.resolved", resolved);
  return { raised, resolved };
}

async function resolveCleared(tx: DbTx, checked: CheckedScope, holdingKeys: string[]): Promise<string[]> {
  const scope =
    "keys" in checked
      ? Prisma.sql`"conditionKey" = ANY(${[...checked.keys]}::text[])`
      : Prisma.sql`kind::text = ANY(${[...checked.kinds]}::text[]) AND (${checked.lotIds ? [...checked.lotIds] : null}::uuid[] IS NULL OR "lotId" = ANY(${checked.lotIds ? [...checked.lotIds] : null}::uuid[]))`;
  if ("keys" in checked && checked.keys.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Alert" SET state = 'resolved', "resolvedAt" = ${UTC_NOW}
    WHERE state <> 'resolved' AND ${scope} AND NOT ("conditionKey" = ANY(${holdingKeys}::text[]))
    RETURNING id::text`;
  return rows.map((row) => row.id);
}

async function openHolding(tx: DbTx, holding: readonly AlertCondition[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Alert" (id, kind, "conditionKey", "siteId", "itemId", "locationId", "lotId", detail, "raisedAt")
    SELECT gen_random_uuid(), kind::"AlertKind", key, site, item, location, lot, detail, ${UTC_NOW}
    FROM unnest(${holding.map((c) => c.kind)}::text[], ${holding.map((c) => c.key)}::text[], ${holding.map((c) => c.siteId)}::uuid[],
      ${holding.map((c) => c.itemId ?? null)}::uuid[], ${holding.map((c) => c.locationId ?? null)}::uuid[],
      ${holding.map((c) => c.lotId ?? null)}::uuid[], ${holding.map((c) => JSON.stringify(c.detail))}::jsonb[])
      AS t(kind, key, site, item, location, lot, detail)
    ON CONFLICT ("conditionKey") WHERE state <> 'resolved' DO NOTHING
    RETURNING id::text`;
  return rows.map((row) => row.id);
}

/** Alerts that stay open carry the latest figures (no event: the condition has not changed, only its numbers). */
async function refreshDetails(tx: DbTx, holding: readonly AlertCondition[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Alert" a SET detail = t.detail
    FROM unnest(${holding.map((c) => c.key)}::text[], ${holding.map((c) => JSON.stringify(c.detail))}::jsonb[]) AS t(key, detail)
    WHERE a."conditionKey" = t.key AND a.state <> 'resolved' AND a.detail IS DISTINCT FROM t.detail`;
}

async function announce(tx: DbTx, type: "alert.raised" | "alert.resolved", ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.alert.findMany({ where: { id: { in: [...ids] } }, select: alertSelect });
  for (const row of rows) await enqueueEvent(tx, { type, siteId: row.siteId, aggregateId: row.id, payload: toAlertView(row) });
}
