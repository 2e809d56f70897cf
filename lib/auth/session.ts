/**
 * Next-aware adapter: the signed-in person as an Actor, for pages, server actions and route handlers.
 * Imported by app/ only.
 */
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../db/client";
import type { Actor } from "./actor";
import { authOptions } from "./auth-options";
import { can } from "./can";
import { loadUserActor } from "./load-actor";
import type { Permission } from "./permissions";
import { Unauthenticated } from "../domain-error";

export async function getSessionActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  return session?.userId ? loadUserActor(getDb(), session.userId) : null;
}

/** For server actions: an action is a public POST endpoint, so it authenticates every time. */
export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new Unauthenticated("Your session has ended: sign in again");
  return actor;
}

/** For pages: signed-out people go to sign-in; a role that may not gets the 403 page. */
export async function requirePageActor(permission: Permission, scope: { siteId?: string } = {}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  if (!can(actor, permission, scope)) forbidden();
  return actor;
}
