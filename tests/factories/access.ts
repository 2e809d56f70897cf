// Builds the people, keys and sites integration tests act with, through the same lib functions the app uses.
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { SYSTEM_ACTOR, type Actor } from "../../lib/auth/actor";
import { loadApiKeyActor, loadUserActor } from "../../lib/auth/load-actor";
import type { RoleName } from "../../lib/auth/permissions";
import type { Db } from "../../lib/db/client";
import { createSite } from "../../lib/locations/create-site";
import { createUser } from "../../lib/users/create-user";

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function buildSite(db: Db, code = `S${unique().toUpperCase()}`) {
  return createSite(db, SYSTEM_ACTOR, { code, name: `Site ${code}` });
}

export async function buildUser(db: Db, role: RoleName, options: { sites?: string[]; password?: string; email?: string } = {}) {
  const password = options.password ?? "correct horse battery";
  const view = await createUser(db, SYSTEM_ACTOR, {
    email: options.email ?? `${role}-${unique()}@example.com`, name: `Test ${role}`, role, password, sites: options.sites ?? [],
  });
  const actor = (await loadUserActor(db, view.id)) as Actor;
  return { ...view, password, actor };
}

export async function buildApiKey(db: Db, role: RoleName, sites: string[] = []) {
  const created = await createApiKey(db, SYSTEM_ACTOR, { name: `svc-${unique()}`, role, sites });
  const actor = (await loadApiKeyActor(db, created.key)) as Actor;
  return { ...created, actor };
}
