import { Forbidden } from "../domain-error";
import type { Actor } from "./actor";
import { PERMISSIONS, type Permission } from "./permissions";

/**
 * Whether the actor may do `permission`, at `siteId` when given. A site-bound permission asked without a site
 * answers whether the actor may do it at some site (lists are then filtered with siteFilter()).
 * Anything unexpected answers no.
 */
export function can(actor: Actor | null | undefined, permission: Permission, scope: { siteId?: string } = {}): boolean {
  if (!actor) return false;
  const rule = PERMISSIONS[permission] as { roles: readonly string[]; siteBound: boolean } | undefined;
  if (!rule || !rule.roles.includes(actor.role)) return false;
  if (!rule.siteBound || actor.sites === "all") return true;
  return scope.siteId === undefined ? actor.sites.length > 0 : actor.sites.includes(scope.siteId);
}

/** can(), as a guard that throws Forbidden. */
export function authorize(actor: Actor, permission: Permission, scope: { siteId?: string } = {}): void {
  if (!can(actor, permission, scope)) throw new Forbidden(permission, scope.siteId);
}

/**
 * Guards giving access (creating or changing a user or an API key) and taking it away: an actor limited to some
 * sites may do it only for a holder whose scope lies within its own, never for one acting at every site.
 * Otherwise a key scoped to one site could mint an unscoped key or user, or reset the password of an admin.
 * `holderScope` is what the holder acts with (siteScope or apiKeyScope of its role and site ids).
 */
export function authorizeGrant(actor: Actor, permission: Permission, holderScope: Actor["sites"]): void {
  authorize(actor, permission);
  if (actor.sites === "all") return;
  if (holderScope === "all")
    throw new Forbidden(permission, undefined, "You act at some sites only: you may not give or change access to every site");
  const scope = actor.sites;
  const outside = holderScope.find((siteId) => !scope.includes(siteId));
  if (outside) throw new Forbidden(permission, outside, "You may not give or change access at a site you do not act at");
}
