/**
 * Next-aware adapter: the signed-in person as an Actor, for pages, server actions and route handlers.
 * Imported by app/ only.
 */
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { getDb } from "../db/client";
import type { Actor } from "./actor";
import { can } from "./can";
import { loadSessionActor } from "./load-actor";
import type { Permission } from "./permissions";
import { sessionClaimsOf } from "./session-claims";
import { Unauthenticated } from "../domain-error";

/**
 * The person behind the session cookie among these request headers; null without one, with a forged or
 * expired token, or when the session was ended (load-actor.ts). next-auth's own reader, getToken, finds the
 * cookie (secure name, chunks) and checks the token; it needs only the headers, so pages and route handlers
 * read a session the same way.
 */
async function sessionActorOf(requestHeaders: Headers): Promise<Actor | null> {
  const token = await getToken({ req: new NextRequest("http://stockroom.invalid/", { headers: requestHeaders }) });
  const claims = sessionClaimsOf(token);
  return claims ? loadSessionActor(getDb(), claims) : null;
}

/** For pages and server actions, which have no Request object. */
export async function getSessionActor(): Promise<Actor | null> {
  return sessionActorOf(new Headers(await headers()));
}

/** For route handlers: the session cookie of this request. */
export function getRequestSessionActor(request: Request): Promise<Actor | null> {
  return sessionActorOf(request.headers);
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
