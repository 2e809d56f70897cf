import { hashApiKey } from "../api-keys/key-material";
import type { Db } from "../db/client";
import { apiKeyScope, siteScope, type Actor } from "./actor";
import type { SessionClaims } from "./session-claims";

/**
 * The acting user, read fresh on every request: a role change or deactivation applies at once, not when a
 * session token expires. Null when the user no longer exists or is deactivated.
 */
export async function loadUserActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { sites: { select: { siteId: true } } } });
  if (!user || !user.active) return null;
  return {
    type: "user",
    id: user.id,
    label: user.email,
    role: user.role,
    sites: siteScope(
      user.role,
      user.sites.map((s) => s.siteId),
    ),
  };
}

/**
 * The person behind a session token, or null when the session was ended: the user is gone or deactivated, or
 * their session version moved on (sign-out, password change, deactivation, role change end every session).
 * Same single read as loadUserActor.
 */
export async function loadSessionActor(db: Db, claims: SessionClaims): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: claims.userId }, include: { sites: { select: { siteId: true } } } });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  const sites = siteScope(
    user.role,
    user.sites.map((s) => s.siteId),
  );
  return { type: "user", id: user.id, label: user.email, role: user.role, sites, sessionVersion: user.sessionVersion };
}

/**
 * The actor as it stands now, for a long-lived request (the live-updates feed) that authenticated once: null
 * when the session was ended or the key revoked since. Reads the database, never the key cache.
 */
export async function reloadActor(db: Db, actor: Actor): Promise<Actor | null> {
  if (actor.type === "system") return actor;
  if (actor.type === "user") {
    return actor.sessionVersion === undefined
      ? loadUserActor(db, actor.id)
      : loadSessionActor(db, { userId: actor.id, sessionVersion: actor.sessionVersion });
  }
  const key = await db.apiKey.findUnique({ where: { id: actor.id }, select: { revokedAt: true } });
  return key && !key.revokedAt ? actor : null;
}

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Services call many times a second; reading the key on every call would add a database round trip to each.
 * Known keys are remembered for a few seconds. Revoking a key forgets it in this process at once
 * (forgetApiKey); another process notices within the TTL.
 */
const API_KEY_CACHE_MS = Number(process.env.API_KEY_CACHE_SECONDS ?? 5) * 1000;
const knownKeys = new Map<string, { actor: Actor; until: number }>();

export function forgetApiKey(id: string) {
  for (const [hash, entry] of knownKeys) if (entry.actor.id === id) knownKeys.delete(hash);
}

/** The service behind a bearer key, or null for an unknown or revoked key. */
export async function loadApiKeyActor(db: Db, key: string): Promise<Actor | null> {
  const hash = hashApiKey(key);
  const known = knownKeys.get(hash);
  if (known && known.until > Date.now()) return known.actor;
  const row = await db.apiKey.findUnique({ where: { hash }, include: { sites: { select: { siteId: true } } } });
  if (!row || row.revokedAt) {
    knownKeys.delete(hash);
    return null;
  }
  // Note use at most once a minute: a write per request would make every read a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  // A key with no site scope acts at every site (its role still limits what it may do), unless it is a clerk's.
  const sites = apiKeyScope(
    row.role,
    row.sites.map((s) => s.siteId),
  );
  const actor: Actor = { type: "apiKey", id: row.id, label: `key:${row.name}`, role: row.role, sites };
  if (row.supplierId) actor.supplierId = row.supplierId;
  if (API_KEY_CACHE_MS > 0) knownKeys.set(hash, { actor, until: Date.now() + API_KEY_CACHE_MS });
  return actor;
}
