import { unitOfWork } from "../db/unit-of-work";
import type { Db, DbTx } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import type { SessionClaims } from "./session-claims";

/**
 * Ends every session of a person at once: each token carries the version it was issued under, and
 * loadSessionActor refuses any other. Call inside the transaction of the change that requires it.
 */
export async function endSessions(tx: DbTx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * Signing out ends every session of that person (the phone and the desk alike). Only a live session may do it:
 * signing out on a device whose session had already ended must not end the one the person has opened since.
 */
export async function signOutEverywhere(db: Db, claims: SessionClaims): Promise<void> {
  await unitOfWork(db, async (tx) => {
    const ended = await tx.user.updateManyAndReturn({
      where: { id: claims.userId, sessionVersion: claims.sessionVersion },
      data: { sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    if (ended.length === 0) return;
    await recordAudit(
      tx,
      { type: "user", id: claims.userId, label: ended[0].email },
      {
        action: "auth.sign_out",
        entityType: "user",
        entityId: claims.userId,
      },
    );
  });
}
