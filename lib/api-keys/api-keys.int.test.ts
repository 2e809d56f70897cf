import { describe, expect, it } from "vitest";
import { buildApiKey, buildSite, buildUser } from "../../tests/factories/access";
import { forgetApiKey, loadApiKeyActor } from "../auth/load-actor";
import { getDb } from "../db/client";
import { createApiKey } from "./create-api-key";
import { BOOTSTRAP_KEY_NAME, ensureBootstrapApiKey } from "./ensure-bootstrap-api-key";
import { hashApiKey } from "./key-material";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

describe("API keys", () => {
  const db = getDb();

  it("shows the secret once and stores only its hash", async () => {
    const admin = await buildUser(db, "admin");
    const site = await buildSite(db);
    const created = await createApiKey(db, admin.actor, { name: "order-service", role: "clerk", sites: [site.code] });
    expect(created.key).toMatch(/^sr_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const listed = await listApiKeys(db, admin.actor);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const actor = await loadApiKeyActor(db, created.key);
    expect(actor).toMatchObject({ type: "apiKey", role: "clerk", sites: [site.id] });
  });

  it("stops working the moment it is revoked", async () => {
    const admin = await buildUser(db, "admin");
    const key = await buildApiKey(db, "viewer");
    await revokeApiKey(db, admin.actor, key.id);
    expect(await loadApiKeyActor(db, key.key)).toBeNull();
    expect(await loadApiKeyActor(db, key.key.slice(0, -1) + "x")).toBeNull();
  });

  it("may be made and revoked by admins only", async () => {
    const manager = await buildUser(db, "manager");
    await expect(createApiKey(db, manager.actor, { name: "x", role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    const key = await buildApiKey(db, "viewer");
    await expect(revokeApiKey(db, manager.actor, key.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await loadApiKeyActor(db, key.key)).not.toBeNull();
  });

  it("lets a key scoped to one site make and revoke keys only within that site (403 otherwise)", async () => {
    const [home, away] = [await buildSite(db), await buildSite(db)];
    const scoped = await buildApiKey(db, "admin", [home.code]);
    for (const sites of [[], [away.code], [home.code, away.code]]) {
      await expect(createApiKey(db, scoped.actor, { name: "wider", role: "viewer", sites }), sites.join()).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await db.apiKey.count({ where: { name: "wider" } })).toBe(0);
    const made = await createApiKey(db, scoped.actor, { name: "narrow", role: "admin", sites: [home.code] });
    expect(await loadApiKeyActor(db, made.key)).toMatchObject({ role: "admin", sites: [home.id] });

    const unscoped = await buildApiKey(db, "viewer");
    await expect(revokeApiKey(db, scoped.actor, unscoped.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await loadApiKeyActor(db, unscoped.key)).not.toBeNull();
    expect((await revokeApiKey(db, scoped.actor, made.id)).revokedAt).not.toBeNull();
  });

  it("refuses a clerk's key without sites (422 on sites), and a stored one acts nowhere", async () => {
    const admin = await buildUser(db, "admin");
    await expect(createApiKey(db, admin.actor, { name: "clerk-everywhere", role: "clerk" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "sites" }],
    });
    expect(await db.apiKey.count({ where: { name: "clerk-everywhere" } })).toBe(0);
    // Keys made before the rule keep working only where a clerk could: nowhere, until they are given sites.
    const legacy = await buildApiKey(db, "viewer");
    await db.apiKey.update({ where: { id: legacy.id }, data: { role: "clerk" } });
    forgetApiKey(legacy.id); // loading it above cached it as a viewer's
    expect(await loadApiKeyActor(db, legacy.key)).toMatchObject({ role: "clerk", sites: [] });
  });

  it("creates the bootstrap key exactly once, even from concurrent starts", async () => {
    const value = "bootstrap-key-for-tests-0123456789";
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => ensureBootstrapApiKey(db, value)));
    expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
    expect(await db.apiKey.count({ where: { name: BOOTSTRAP_KEY_NAME } })).toBe(1);
    expect(await loadApiKeyActor(db, value)).toMatchObject({ role: "admin", sites: "all" });
    expect(await ensureBootstrapApiKey(db, value)).toBe("exists");
  });
});
