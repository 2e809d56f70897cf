import { describe, expect, it } from "vitest";
import { buildApiKey, buildUser } from "../../tests/factories/access";
import { SYSTEM_ACTOR } from "../auth/actor";
import { ensureBootstrapApiKey } from "../api-keys/ensure-bootstrap-api-key";
import { revokeApiKey } from "../api-keys/revoke-api-key";
import { getDb } from "../db/client";
import { updateUser } from "../users/update-user";
import { hasAdminAccess } from "./has-admin-access";

// One database for the file, so the cases run in order from empty to administered.
describe("whether anyone can administer the installation", () => {
  const db = getDb();

  it("answers no on an empty database, and while only non-admins or lapsed admins exist", async () => {
    expect(await hasAdminAccess(db)).toBe(false);
    await buildUser(db, "manager");
    await buildApiKey(db, "manager");
    expect(await hasAdminAccess(db)).toBe(false);

    const admin = await buildUser(db, "admin");
    expect(await hasAdminAccess(db)).toBe(true);
    await updateUser(db, SYSTEM_ACTOR, admin.id, { active: false });
    expect(await hasAdminAccess(db)).toBe(false);

    const key = await buildApiKey(db, "admin");
    expect(await hasAdminAccess(db)).toBe(true);
    await revokeApiKey(db, SYSTEM_ACTOR, key.id);
    expect(await hasAdminAccess(db)).toBe(false);
  });

  it("answers yes once the bootstrap API key exists", async () => {
    expect(await hasAdminAccess(db)).toBe(false);
    await ensureBootstrapApiKey(db, "bootstrap-key-for-the-first-start-0123");
    expect(await hasAdminAccess(db)).toBe(true);
  });
});
