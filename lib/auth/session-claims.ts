/**
 * What a session token carries: who signed in, and the session version they signed in under. The token is
 * signed, but a token minted before session versions existed carries none: it reads as no session, so its
 * holder signs in again.
 */
export type SessionClaims = { userId: string; sessionVersion: number };

export function sessionClaimsOf(token: unknown): SessionClaims | null {
  const { userId, sessionVersion } = (token ?? {}) as { userId?: unknown; sessionVersion?: unknown };
  if (typeof userId !== "string" || !Number.isInteger(sessionVersion)) return null;
  return { userId, sessionVersion: sessionVersion as number };
}
