// Builds the people, keys and sites integration tests act with, through the same lib functions the app uses.
import { encode } from "next-auth/jwt";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { authOptions } from "../../lib/auth/auth-options";
import { SYSTEM_ACTOR, type Actor } from "../../lib/auth/actor";
import { loadApiKeyActor, loadUserActor } from "../../lib/auth/load-actor";
import type { PersonRole, RoleName } from "../../lib/auth/permissions";
import { signInWithPassword } from "../../lib/auth/sign-in";
import type { Db } from "../../lib/db/client";
import { createSite } from "../../lib/locations/create-site";
import { createUser } from "../../lib/users/create-user";

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function buildSite(db: Db, code = `S${unique().toUpperCase()}`) {
  return createSite(db, SYSTEM_ACTOR, { code, name: `Site ${code}` });
}

export async function buildUser(db: Db, role: PersonRole, options: { sites?: string[]; password?: string; email?: string } = {}) {
  const password = options.password ?? "correct horse battery";
  const view = await createUser(db, SYSTEM_ACTOR, {
    email: options.email ?? `${role}-${unique()}@example.com`,
    name: `Test ${role}`,
    role,
    password,
    sites: options.sites ?? [],
  });
  const actor = (await loadUserActor(db, view.id)) as Actor;
  return { ...view, password, actor };
}

export async function buildApiKey(db: Db, role: RoleName, sites: string[] = [], supplier?: string) {
  const created = await createApiKey(db, SYSTEM_ACTOR, { name: `svc-${unique()}`, role, sites, supplier });
  const actor = (await loadApiKeyActor(db, created.key)) as Actor;
  return { ...created, actor };
}

/**
 * A session as the browser holds it after signing in with the password: next-auth's jwt callback makes the
 * token, next-auth's encoder seals it, and it travels as the session cookie. Returns the claims and the
 * `cookie` header value.
 */
export async function signInSession(db: Db, user: { email: string; password: string }) {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-only";
  const signedIn = await signInWithPassword(db, { email: user.email, password: user.password, ip: "192.0.2.1" });
  if (!signedIn) throw new Error(`${user.email} could not sign in`);
  const token = await authOptions.callbacks!.jwt!({
    token: {},
    user: { id: signedIn.id, email: signedIn.email, name: signedIn.name, sessionVersion: signedIn.sessionVersion },
    account: null,
  });
  const sealed = await encode({ token, secret: process.env.NEXTAUTH_SECRET });
  return { token, cookie: `next-auth.session-token=${sealed}` };
}
