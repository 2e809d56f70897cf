import type { RoleName } from "./permissions";

/**
 * Whoever is acting: a signed-in person or a service holding an API key. Built once per request by the
 * Next-aware adapters (./session.ts, lib/http/api-route.ts) and passed to every domain function.
 * `sites` is "all" or the ids of the sites the actor may act at.
 */
export type Actor = {
  type: "user" | "apiKey" | "system";
  id: string;
  label: string;
  role: RoleName;
  sites: "all" | readonly string[];
  /** For a supplier-role API key: the supplier it acts for; it sees that supplier's purchase orders only. */
  supplierId?: string;
  /** For a person acting through a session: the session version their token carries (see session-claims.ts). */
  sessionVersion?: number;
};

/** Stockroom itself, for the seed and start-up work: recorded as "system" in the audit log and ledger. */
export const SYSTEM_ACTOR: Actor = { type: "system", id: "system", label: "system", role: "admin", sites: "all" };

/** Site scope from assigned sites: admins see all; clerks only theirs; others all unless some are assigned. */
export function siteScope(role: RoleName, assignedSiteIds: readonly string[]): Actor["sites"] {
  if (role === "admin") return "all";
  if (role === "clerk") return assignedSiteIds;
  return assignedSiteIds.length === 0 ? "all" : assignedSiteIds;
}

/** Site scope of an API key from its sites: none means every site, except for a clerk's key, which then has none. */
export function apiKeyScope(role: RoleName, siteIds: readonly string[]): Actor["sites"] {
  if (siteIds.length > 0) return siteIds;
  return role === "clerk" ? [] : "all";
}

/** The audit and ledger columns that name an actor. */
export function actorColumns(actor: Actor) {
  if (actor.type === "user") return { actorUserId: actor.id, actorApiKeyId: null, actorLabel: actor.label };
  if (actor.type === "apiKey") return { actorUserId: null, actorApiKeyId: actor.id, actorLabel: actor.label };
  return { actorUserId: null, actorApiKeyId: null, actorLabel: "system" };
}

/** A Prisma `where` fragment limiting rows with a `siteId` column to the actor's sites. */
export function siteFilter(actor: Actor): { siteId?: { in: string[] } } {
  return actor.sites === "all" ? {} : { siteId: { in: [...actor.sites] } };
}
