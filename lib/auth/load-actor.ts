import { hashApiKey } from "../api-keys/key-material";
import type { Db } from "../db/client";
import { siteScope, type Actor } from "./actor";

/**
 * The acting user, read fresh on every request: a role change or deactivation applies at once, not when a
 * session token expires. Null when the user no longer exists or is deactivated.
 */
export async function loadUserActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { sites: { select: { siteId: true } } } });
  if (!user || !user.active) return null;
  return { type: "user", id: user.id, label: user.email, role: user.role, sites: siteScope(user.role, user.sites.map((s) => s.siteId)) };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** The service behind a bearer key, or null for an unknown or revoked key. */
export async function loadApiKeyActor(db: Db, key: string): Promise<Actor | null> {
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) }, include: { sites: { select: { siteId: true } } } });
  if (!row || row.revokedAt) return null;
  // Note use at most once a minute: a write per request would make every read a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  // A key with no site scope acts at every site (its role still limits what it may do).
  const siteIds = row.sites.map((s) => s.siteId);
  return { type: "apiKey", id: row.id, label: `key:${row.name}`, role: row.role, sites: siteIds.length === 0 ? "all" : siteIds };
}
