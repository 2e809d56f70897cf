import { unitOfWork } from "../db/unit-of-work";
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { TooManyAttempts } from "../domain-error";
import { claimSignInAttempt, settleSuccessfulAttempt } from "./claim-sign-in-attempt";
import { hashPassword, verifyPassword } from "./passwords";
import { THROTTLE_POLICIES } from "./sign-in-throttle";
import { waitMessage } from "./throttled-sign-in-error";

/** Attempts per e-mail and address that are free before each further one has to wait. */
export const SIGN_IN_FREE_ATTEMPTS = THROTTLE_POLICIES.pair.freeAttempts;

export class SignInThrottled extends TooManyAttempts {
  readonly code = "sign_in_throttled";
  constructor(readonly retryAfterSeconds: number) {
    super(waitMessage(retryAfterSeconds), { retryAfterSeconds });
  }
}

export type SignedInUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

let dummyHash: Promise<string> | undefined;

/**
 * A hash no password matches, made with the same parameters as the users' own: checking an unknown e-mail
 * (or a deactivated user) against it costs what checking a real one does, so the answer's timing does not tell
 * which e-mail addresses have accounts.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}

/**
 * Checks an e-mail and password. The attempt is counted first (claim-sign-in-attempt.ts), atomically, and one
 * that comes too early is refused with SignInThrottled before any password is checked. Unknown e-mail and
 * wrong password look the same to the caller, in answer and in time. Audited: each success, the first failure
 * of a window per e-mail and address, and the first refusal of a window per counter — not every guess.
 */
/** An attempt that did not sign in, in the audit log under the e-mail it named (the first of its window only). */
function auditAttempt(db: Db, email: string, ip: string | null, action: string, after: Record<string, unknown>) {
  return recordAudit(db, { type: "anonymous", label: email }, { action, entityType: "user", entityId: email, ip, after });
}

export async function signInWithPassword(db: Db, input: { email: string; password: string; ip?: string | null }): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? null;
  const attempt = await claimSignInAttempt(db, { email, address: ip });
  if (!attempt.allowed) {
    if (attempt.firstRefusedBy.length > 0) {
      await auditAttempt(db, email, ip, "auth.sign_in_throttled", {
        heldBackBy: attempt.firstRefusedBy,
        retryAfterSeconds: attempt.retryAfterSeconds,
      });
    }
    throw new SignInThrottled(attempt.retryAfterSeconds);
  }

  const user = await db.user.findUnique({ where: { email } });
  const canUsePassword = !!user && user.active && !!user.passwordHash;
  const matches = await verifyPassword(canUsePassword ? user.passwordHash! : await dummyPasswordHash(), input.password);
  if (!canUsePassword || !matches) {
    if (attempt.pairFailures === 1) {
      await auditAttempt(db, email, ip, "auth.sign_in_failed", {
        reason: !user ? "unknown e-mail" : !user.active ? "deactivated" : "wrong password",
      });
    }
    return null;
  }
  await unitOfWork(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await settleSuccessfulAttempt(tx, attempt);
    await recordAudit(
      tx,
      { type: "user", id: user.id, label: user.email },
      {
        action: "auth.sign_in",
        entityType: "user",
        entityId: user.id,
        ip,
      },
    );
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** For a sign-in through the company's identity provider: the person must already be an active user here. */
export async function signInWithIdentityProvider(db: Db, input: { email: string; provider: string }) {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.active) {
    await recordAudit(
      db,
      { type: "anonymous", label: email },
      {
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: email,
        after: { reason: !user ? "no such user" : "deactivated", provider: input.provider },
      },
    );
    return null;
  }
  await recordAudit(
    db,
    { type: "user", id: user.id, label: user.email },
    {
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { provider: input.provider },
    },
  );
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
