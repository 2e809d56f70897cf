import { SYSTEM_ACTOR } from "../auth/actor";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { endReservation } from "./end-reservation";

const BATCH = 200;

/**
 * Releases reservations whose time is up; run every second by the app (lib/system/background-jobs.ts). Exactly
 * once however many app processes run it: each takes the due rows with FOR UPDATE SKIP LOCKED (a row another
 * process or a fulfil holds is left to it) and ends only those still active. Answers how many expired.
 */
export async function expireDueReservations(db: Db): Promise<number> {
  let expired = 0;
  for (;;) {
    const count = await unitOfWork(db, async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Reservation" WHERE status = 'active' AND "expiresAt" <= now()
        ORDER BY "expiresAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      for (const { id } of due) await endReservation(tx, SYSTEM_ACTOR, id, "expired");
      return due.length;
    });
    expired += count;
    if (count < BATCH) return expired;
  }
}
