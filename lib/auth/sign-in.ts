import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { TooManyAttempts } from "../domain-error";
import { verifyPassword } from "./passwords";

/** Failed sign-ins allowed per e-mail address within the window before further attempts are refused. */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

export class SignInThrottled extends TooManyAttempts {
  readonly code = "sign_in_throttled";
  constructor(readonly retryAfterMinutes: number) {
    super(`Too many failed sign-ins. Try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`, {
      retryAfterMinutes,
    });
  }
}

export type SignedInUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

/**
 * Checks an e-mail and password. Every outcome is audited; failures are counted from the audit log itself
 * (indexed on action, entity, time), so throttling holds across processes and restarts. Unknown e-mail and
 * wrong password look the same to the caller.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip?: string | null },
): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const recentFailures = await db.auditEntry.findMany({
    where: { action: "auth.sign_in_failed", entityId: email, at: { gte: since } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: SIGN_IN_MAX_FAILURES,
  });
  if (recentFailures.length >= SIGN_IN_MAX_FAILURES) {
    const freeAt = recentFailures[0].at.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
    await recordAudit(db, { type: "anonymous", label: email }, {
      action: "auth.sign_in_throttled", entityType: "user", entityId: email, ip: input.ip,
    });
    throw new SignInThrottled(Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000)));
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = !!user && user.active && !!user.passwordHash && (await verifyPassword(user.passwordHash, input.password));
  if (!ok) {
    await recordAudit(db, { type: "anonymous", label: email }, {
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: email,
      after: { reason: !user ? "unknown e-mail" : !user.active ? "deactivated" : "wrong password" },
      ip: input.ip,
    });
    return null;
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { type: "user", id: user.id, label: user.email }, {
      action: "auth.sign_in", entityType: "user", entityId: user.id, ip: input.ip,
    });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** For a sign-in through the company's identity provider: the person must already be an active user here. */
export async function signInWithIdentityProvider(db: Db, input: { email: string; provider: string }) {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.active) {
    await recordAudit(db, { type: "anonymous", label: email }, {
      action: "auth.sign_in_failed", entityType: "user", entityId: email,
      after: { reason: !user ? "no such user" : "deactivated", provider: input.provider },
    });
    return null;
  }
  await recordAudit(db, { type: "user", id: user.id, label: user.email }, {
    action: "auth.sign_in", entityType: "user", entityId: user.id, after: { provider: input.provider },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
