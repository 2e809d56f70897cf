import type { Db } from "../../lib/db/client";

/**
 * Moves a posting's movements (when recorded and when they happened, with their values) back in time, as a year of real postings would have left them. The ledger refuses
 * updates (its append-only trigger), so this turns triggers off for its own transaction only. Tests only.
 */
export async function backdatePosting(db: Db, postingId: string | null, at: Date) {
  await db.$transaction([
    db.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    db.$executeRaw`UPDATE "StockMovement" SET at = ${at}, "occurredAt" = ${at} WHERE "postingId" = ${postingId}::uuid`,
    db.$executeRaw`UPDATE "MovementValue" v SET "occurredAt" = ${at} FROM "StockMovement" m WHERE m.id = v."movementId" AND m."postingId" = ${postingId}::uuid`,
  ]);
}
