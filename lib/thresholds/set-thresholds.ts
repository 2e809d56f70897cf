import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { databaseErrorOf } from "../db/errors";
import { Prisma } from "../db/generated/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { NotFound, ValidationFailed } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { DefaultNeedsEverySite } from "./errors";
import { readDefaultThresholds, readSiteThresholds } from "./read-thresholds";
import { THRESHOLD_COLUMNS, THRESHOLD_FIELDS, thresholdsInput, type ThresholdField, type ThresholdsInForce, type ThresholdsInput } from "./schemas";

export type SetThresholdsOptions = {
  idempotency?: IdempotencyKey | null;
  /** Who chose the reorder point (and safety stock) written: a person (the default) or the forecast. */
  source?: "manual" | "forecast";
};

type OwnRow = Record<ThresholdField, number | null> & { reorderPointSource: string | null };

/**
 * Sets an item's thresholds at one site, or its item-wide default when no site is named, and answers the
 * thresholds then in force there. A field given is set (null clears it, so the site inherits the default's);
 * a field left out stays as it was. A manager acting at some sites sets those sites' rows only; the default
 * reaches every site, so only an actor of every site sets it.
 *
 * Writes of one item are serialized by a lock on its row (FOR NO KEY UPDATE, which movements' foreign-key checks
 * do not wait for), so the audit's before is exact; the row is an upsert against the unique index of its kind
 * (item × site, or the partial index of the default), the last line should the lock ever be skipped. Min above
 * max, in the row or in force at a site once written, is a 422 naming the field given.
 */
export async function setThresholds(
  db: Db | DbTx,
  actor: Actor,
  sku: string,
  input: ThresholdsInput,
  options: SetThresholdsOptions = {},
): Promise<ThresholdsInForce> {
  authorize(actor, "thresholds.manage");
  const change = thresholdsInput.parse(input);
  const given = THRESHOLD_FIELDS.filter((f) => change[f] !== undefined);
  if (change.min != null && change.max != null && change.min > change.max) {
    throw new ValidationFailed([{ field: "max", message: `Must not be below min (${change.min})` }]);
  }
  try {
    const result = await inUnitOfWork(db, { idempotency: options.idempotency }, async (tx) => {
      const item = await lockItem(tx, sku);
      const siteId = change.site === undefined ? null : await siteIdOf(tx, change.site);
      if (siteId) authorize(actor, "thresholds.manage", { siteId });
      else if (actor.sites !== "all") throw new DefaultNeedsEverySite();
      const before = await ownRow(tx, item.id, siteId);
      const values = Object.fromEntries(given.map((f) => [f, change[f]])) as Partial<Record<ThresholdField, number | null>>;
      const source = values.reorderPoint !== undefined || values.safetyStock !== undefined ? (options.source ?? "manual") : undefined;
      await upsertRow(tx, { itemId: item.id, siteId, values, source, by: actor.label });
      const after = await ownRow(tx, item.id, siteId);
      if (after && THRESHOLD_FIELDS.every((f) => after[f] === null)) await deleteRow(tx, item.id, siteId); // nothing left to say
      await refuseMinAboveMaxInForce(tx, item.id, siteId, given);
      const answer = siteId ? (await readSiteThresholds(tx, item, [siteId]))[0] : await readDefaultThresholds(tx, item);
      await recordAudit(tx, actor, { action: "item.thresholds", entityType: "item", entityId: item.id, siteId, before, after });
      await enqueueEvent(tx, {
        type: "item.thresholds_changed",
        siteId,
        aggregateId: item.id,
        payload: { sku: item.sku, site: change.site ?? null, changed: given, inForce: answer },
      });
      return answer;
    });
    return result.replayed ? (result.stored as ThresholdsInForce) : result.value;
  } catch (error) {
    if (databaseErrorOf(error)?.code === "23514") throw minAboveMax(given, "in the row");
    throw error;
  }
}

async function lockItem(tx: DbTx, sku: string) {
  const [item] = await tx.$queryRaw<{ id: string; sku: string }[]>`
    SELECT id, sku FROM "Item" WHERE "skuKey" = ${sku.trim().toLowerCase()} FOR NO KEY UPDATE`;
  if (!item) throw new NotFound("Item", sku);
  return item;
}

async function siteIdOf(tx: DbTx, code: string) {
  const site = await tx.site.findUnique({ where: { code }, select: { id: true } });
  if (!site) throw new NotFound("Site", code);
  return site.id;
}

const bySite = (siteId: string | null) => (siteId ? Prisma.sql`"siteId" = ${siteId}::uuid` : Prisma.sql`"siteId" IS NULL`);

async function ownRow(tx: DbTx, itemId: string, siteId: string | null): Promise<OwnRow | null> {
  const [row] = await tx.$queryRaw<OwnRow[]>`
    SELECT "minQty" AS min, "maxQty" AS max, "reorderPoint", "reorderQuantity", "safetyStock", "reorderPointSource"
    FROM "StockThreshold" WHERE "itemId" = ${itemId}::uuid AND ${bySite(siteId)}`;
  return row ?? null;
}

async function upsertRow(
  tx: DbTx,
  row: { itemId: string; siteId: string | null; values: Partial<Record<ThresholdField, number | null>>; source?: string; by: string },
) {
  const fields = Object.keys(row.values) as ThresholdField[];
  const column = (f: ThresholdField) => Prisma.raw(`"${THRESHOLD_COLUMNS[f]}"`);
  const insertColumns = fields.map(column);
  const insertValues = fields.map((f) => Prisma.sql`${row.values[f]}::integer`);
  const updates = fields.map((f) => Prisma.sql`${column(f)} = EXCLUDED.${column(f)}`);
  if (row.source) updates.push(Prisma.sql`"reorderPointSource" = EXCLUDED."reorderPointSource"`);
  const target = row.siteId ? Prisma.sql`("itemId", "siteId")` : Prisma.sql`("itemId") WHERE "siteId" IS NULL`;
  const extra = (list: Prisma.Sql[]) => (list.length ? Prisma.sql`, ${Prisma.join(list)}` : Prisma.empty);
  await tx.$executeRaw`
    INSERT INTO "StockThreshold" (id, "itemId", "siteId", "reorderPointSource", "updatedAt", "updatedBy" ${extra(insertColumns)})
    VALUES (${uuidv7()}::uuid, ${row.itemId}::uuid, ${row.siteId}::uuid, ${row.source ?? null}, now(), ${row.by} ${extra(insertValues)})
    ON CONFLICT ${target} DO UPDATE SET "updatedAt" = now(), "updatedBy" = EXCLUDED."updatedBy" ${extra(updates)}`;
}

async function deleteRow(tx: DbTx, itemId: string, siteId: string | null) {
  await tx.$executeRaw`DELETE FROM "StockThreshold" WHERE "itemId" = ${itemId}::uuid AND ${bySite(siteId)}`;
}

/** A site's own min with the default's max (or the other way round) can cross too: checked where it lands. */
async function refuseMinAboveMaxInForce(tx: DbTx, itemId: string, siteId: string | null, given: readonly ThresholdField[]) {
  const [crossed] = await tx.$queryRaw<{ site: string; min: number; max: number }[]>`
    SELECT s.code AS site, v."minQty" AS min, v."maxQty" AS max
    FROM "StockThresholdInForce" v JOIN "Site" s ON s.id = v."siteId"
    WHERE v."itemId" = ${itemId}::uuid AND v."minQty" > v."maxQty" ${siteId ? Prisma.sql`AND v."siteId" = ${siteId}::uuid` : Prisma.empty}
    ORDER BY s.code LIMIT 1`;
  if (crossed) throw minAboveMax(given, `in force at ${crossed.site} (min ${crossed.min}, max ${crossed.max})`);
}

function minAboveMax(given: readonly ThresholdField[], where: string) {
  const field = given.includes("max") || !given.includes("min") ? "max" : "min";
  return new ValidationFailed([{ field, message: `Min must not be above max ${where}` }]);
}
