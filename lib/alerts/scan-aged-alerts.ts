/**
 * Alerts that time raises rather than a movement: lots expiring within the site's horizon or past it, stock left
 * in quarantine too long, bins not counted within the site's count cycle. A background job scans for them
 * (every 10 minutes, lib/system/background-jobs.ts); stock changes of a lot also check its expiry at once
 * (checkLotAlerts from the relay's hook). Each scan is one statement per kind plus settleAlerts, so two app
 * processes scanning at once open nothing twice (the unique open-condition index) and resolve the same rows.
 */
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { settleAlerts, type AlertCondition, type SettledAlerts } from "./settle-alerts";

type LotAtSite = { lotId: string; itemId: string; siteId: string; lot: string; expiresOn: Date; onHand: number; daysLeft: number };

/** Expiring and expired lots with stock; limited to some lots (a stock change) or all of them (the scan). */
export async function checkLotAlerts(tx: DbTx, lotIds: readonly string[] | "all"): Promise<SettledAlerts> {
  if (lotIds !== "all" && lotIds.length === 0) return { raised: [], resolved: [] };
  const only = lotIds === "all" ? null : [...lotIds];
  const lots = await tx.$queryRaw<LotAtSite[]>`
    SELECT lot.id::text AS "lotId", lot."itemId"::text AS "itemId", site.id::text AS "siteId", lot.number AS lot, lot."expiresOn",
      SUM(s."onHand")::int AS "onHand", (lot."expiresOn" - (now() AT TIME ZONE 'UTC')::date)::int AS "daysLeft"
    FROM "Lot" lot
    JOIN "StockLevel" s ON s."lotId" = lot.id AND s."onHand" > 0
    JOIN "Location" loc ON loc.id = s."locationId" AND NOT loc."isVirtual"
    JOIN "Site" site ON site.id = loc."siteId"
    WHERE lot."expiresOn" IS NOT NULL AND (${only}::uuid[] IS NULL OR lot.id = ANY(${only}::uuid[]))
      AND lot."expiresOn" <= (now() AT TIME ZONE 'UTC')::date + site."expiryAlertDays"
    GROUP BY lot.id, site.id`;
  const holding: AlertCondition[] = lots.map((lot) => {
    const kind = lot.daysLeft < 0 ? "expired" : "expiring";
    return {
      kind,
      key: `${kind}:${lot.lotId}:${lot.siteId}`,
      siteId: lot.siteId,
      itemId: lot.itemId,
      lotId: lot.lotId,
      detail: { expiresOn: lot.expiresOn.toISOString().slice(0, 10), onHand: lot.onHand, daysLeft: lot.daysLeft },
    };
  });
  return settleAlerts(tx, only ? { kinds: ["expiring", "expired"], lotIds: only } : { kinds: ["expiring", "expired"] }, holding);
}

/** Stock that has sat in a quarantine location longer than the site allows, per level (item × bin × lot). */
export async function checkQuarantineAlerts(tx: DbTx): Promise<SettledAlerts> {
  const levels = await tx.$queryRaw<
    { levelId: string; siteId: string; itemId: string; locationId: string; lotId: string | null; onHand: number; since: Date; days: number }[]
  >`
    SELECT s.id::text AS "levelId", loc."siteId"::text AS "siteId", s."itemId"::text AS "itemId", loc.id::text AS "locationId",
      s."lotId"::text AS "lotId", s."onHand", arrived.at AS since,
      EXTRACT(DAY FROM (now() AT TIME ZONE 'UTC') - arrived.at)::int AS days
    FROM "StockLevel" s
    JOIN "Location" loc ON loc.id = s."locationId" AND loc.purpose = 'quarantine' AND NOT loc."isVirtual"
    JOIN "Site" site ON site.id = loc."siteId"
    CROSS JOIN LATERAL (
      SELECT max(m.at) AS at FROM "StockMovement" m
      WHERE m."toLocationId" = loc.id AND m."itemId" = s."itemId" AND m."lotId" IS NOT DISTINCT FROM s."lotId"
    ) arrived
    WHERE s."onHand" > 0 AND arrived.at < (now() AT TIME ZONE 'UTC') - make_interval(days => site."quarantineAlertDays")`;
  const holding: AlertCondition[] = levels.map((level) => ({
    kind: "quarantine_aged",
    key: `quarantine_aged:${level.levelId}`,
    siteId: level.siteId,
    itemId: level.itemId,
    locationId: level.locationId,
    lotId: level.lotId,
    detail: { onHand: level.onHand, since: level.since.toISOString(), days: level.days },
  }));
  return settleAlerts(tx, { kinds: ["quarantine_aged"] }, holding);
}

/**
 * Per site, storage bins holding stock that no submitted count (of the bin or a zone above it) has covered within
 * the site's count cycle, and that are older than the cycle themselves: one alert per site naming how many.
 */
export async function checkCountAlerts(tx: DbTx): Promise<SettledAlerts> {
  const sites = await tx.$queryRaw<{ siteId: string; bins: number; sample: string[]; cycleDays: number }[]>`
    WITH overdue AS (
      SELECT DISTINCT bin.id, bin.code, bin."siteId", site."countCycleDays"
      FROM "Location" bin
      JOIN "Site" site ON site.id = bin."siteId"
      JOIN "StockLevel" s ON s."locationId" = bin.id AND s."onHand" > 0
      WHERE NOT bin."isVirtual" AND bin.purpose = 'storage' AND bin.active
        AND bin."createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => site."countCycleDays")
        AND NOT EXISTS (
          SELECT 1 FROM "CountSession" c JOIN "Location" counted ON counted.id = c."locationId"
          WHERE c.status = 'submitted' AND c."siteId" = bin."siteId"
            AND c."closedAt" > (now() AT TIME ZONE 'UTC') - make_interval(days => site."countCycleDays")
            AND (bin.path = counted.path OR bin.path LIKE counted.path || '/%'))
    )
    SELECT "siteId"::text AS "siteId", count(*)::int AS bins, (array_agg(code ORDER BY code))[1:20] AS sample, min("countCycleDays")::int AS "cycleDays"
    FROM overdue GROUP BY "siteId"`;
  const holding: AlertCondition[] = sites.map((site) => ({
    kind: "count_overdue",
    key: `count_overdue:${site.siteId}`,
    siteId: site.siteId,
    detail: { bins: site.bins, cycleDays: site.cycleDays, locations: site.sample },
  }));
  return settleAlerts(tx, { kinds: ["count_overdue"] }, holding);
}

/** The background job: every time-raised kind, each in its own short transaction. */
export async function scanAgedAlerts(db: Db): Promise<void> {
  await unitOfWork(db, (tx) => checkLotAlerts(tx, "all"));
  await unitOfWork(db, (tx) => checkQuarantineAlerts(tx));
  await unitOfWork(db, (tx) => checkCountAlerts(tx));
}
