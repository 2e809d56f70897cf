/**
 * Replenishment tasks for pick faces: when an item's units at a face (a bin with a refill level) fall to that
 * level, a task asks for a move from reserve storage at the same site — the bin whose lot expires first, then
 * the fullest — up to the face's capacity, as far as that bin has units free. One open task per item × face
 * (a partial unique index; a racing second planner inserts nothing); a face refilled some other way has its open
 * task cancelled. Planned from the event relay's transaction for the faces a batch touched, and by a sweep.
 */
import type { DbTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { sellableLevel } from "../availability/availability-rule";
import { enqueueEvent } from "../outbox/enqueue-event";
import { findReplenishmentViews } from "./replenishment-view";

export async function planReplenishments(tx: DbTx, faceIds: readonly string[] | "all"): Promise<{ created: string[]; cancelled: string[] }> {
  if (faceIds !== "all" && faceIds.length === 0) return { created: [], cancelled: [] };
  const only = faceIds === "all" ? Prisma.sql`true` : Prisma.sql`face.id = ANY(${[...faceIds]}::uuid[])`;
  const cancelled = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "ReplenishmentTask" t SET status = 'cancelled'
    FROM "Location" face
    WHERE face.id = t."toLocationId" AND t.status = 'open' AND ${only}
      AND (face."refillLevel" IS NULL OR (
        SELECT COALESCE(SUM(s."onHand"), 0) FROM "StockLevel" s WHERE s."locationId" = face.id AND s."itemId" = t."itemId") > face."refillLevel")
    RETURNING t.id::text`;
  const created = await tx.$queryRaw<{ id: string }[]>`
    WITH needy AS (
      SELECT face.id, face."siteId", s."itemId", face."capacityUnits" - SUM(s."onHand")::int AS room
      FROM "Location" face JOIN "StockLevel" s ON s."locationId" = face.id
      WHERE face."refillLevel" IS NOT NULL AND face.active AND ${only}
      GROUP BY face.id, s."itemId"
      HAVING SUM(s."onHand") <= face."refillLevel"
    ), sourced AS (
      SELECT DISTINCT ON (n.id, n."itemId") n.id AS face, n."siteId", n."itemId", s."lotId", src.id AS source,
        LEAST(n.room, s."onHand" - s.reserved) AS quantity
      FROM needy n
      JOIN "StockLevel" s ON s."itemId" = n."itemId" AND s."onHand" - s.reserved > 0
      JOIN "Location" src ON src.id = s."locationId" AND src."siteId" = n."siteId" AND src."refillLevel" IS NULL AND src.id <> n.id
      LEFT JOIN "Lot" lot ON lot.id = s."lotId"
      WHERE ${sellableLevel({ location: "src", lot: "lot" })}
      ORDER BY n.id, n."itemId", lot."expiresOn" NULLS LAST, s."onHand" - s.reserved DESC, src.code
    )
    INSERT INTO "ReplenishmentTask" (id, "siteId", "itemId", "lotId", "fromLocationId", "toLocationId", quantity, "createdAt")
    SELECT gen_random_uuid(), "siteId", "itemId", "lotId", source, face, quantity, (now() AT TIME ZONE 'UTC') FROM sourced WHERE quantity > 0
    ON CONFLICT ("itemId", "toLocationId") WHERE status = 'open' DO NOTHING
    RETURNING id::text`;
  for (const view of await findReplenishmentViews(
    tx,
    created.map((row) => row.id),
  ))
    await enqueueEvent(tx, { type: "replenishment.created", siteId: view.siteId, aggregateId: view.id, payload: view.view });
  return { created: created.map((row) => row.id), cancelled: cancelled.map((row) => row.id) };
}
