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
