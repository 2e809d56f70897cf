import { describe, expect, it } from "vitest";
import { buildApiKey, buildSite, buildUser } from "../../tests/factories/access";
import { loadUserActor } from "../auth/load-actor";
import { verifyPassword } from "../auth/passwords";
import { getDb } from "../db/client";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import type { UserUpdate } from "./schemas";
import { updateUser } from "./update-user";

describe("users", () => {
  const db = getDb();

  it("creates a user with a hashed password and an audit entry without it", async () => {
    const admin = await buildUser(db, "admin");
    const site = await buildSite(db);
    const user = await createUser(db, admin.actor, {
      email: " Ana@Example.com ",
      name: "Ana",
      role: "clerk",
      password: "s3cret-pass",
      sites: [site.code],
    });
    expect(user).toMatchObject({ email: "ana@example.com", role: "clerk", sites: [site.code], active: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, "s3cret-pass")).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(audit.actorLabel).toBe(admin.email);
    expect(JSON.stringify(audit.after)).not.toContain("s3cret-pass");
  });

  it("refuses a second user with the same e-mail in any case", async () => {
    const admin = await buildUser(db, "admin");
    await createUser(db, admin.actor, { email: "dup@example.com", name: "A", role: "viewer", password: "password1" });
    await expect(createUser(db, admin.actor, { email: "DUP@example.com", name: "B", role: "viewer", password: "password1" })).rejects.toMatchObject({
      code: "email_taken",
    });
  });

  it("requires a site for clerks and known site codes", async () => {
    const admin = await buildUser(db, "admin");
    await expect(createUser(db, admin.actor, { email: "c1@example.com", name: "C", role: "clerk", password: "password1" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "sites" }],
    });
    await expect(
      createUser(db, admin.actor, { email: "c2@example.com", name: "C", role: "clerk", password: "password1", sites: ["NOPE"] }),
    ).rejects.toThrow(/Unknown site code: NOPE/);
    expect(await db.user.count({ where: { email: { in: ["c1@example.com", "c2@example.com"] } } })).toBe(0);
  });

  it("lets no one but an admin create or list users", async () => {
    const site = await buildSite(db);
    for (const [role, sites] of [
      ["manager", []],
      ["clerk", [site.code]],
      ["viewer", []],
    ] as const) {
      const someone = await buildUser(db, role, { sites: [...sites] });
      await expect(
        createUser(db, someone.actor, { email: `x-${role}@example.com`, name: "X", role: "admin", password: "password1" }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(listUsers(db, someone.actor)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
  });

  it("changes role and sites with before and after in the audit log", async () => {
    const admin = await buildUser(db, "admin");
    const [a, b] = [await buildSite(db), await buildSite(db)];
    const clerk = await buildUser(db, "clerk", { sites: [a.code] });
    const updated = await updateUser(db, admin.actor, clerk.id, { sites: [a.code, b.code] });
    expect(updated.sites).toEqual([a.code, b.code].sort());
    const actor = await loadUserActor(db, clerk.id);
    expect(actor?.sites).toHaveLength(2);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.update", entityId: clerk.id } });
    expect((audit.before as { sites: string[] }).sites).toEqual([a.code]);
    expect((audit.after as { sites: string[] }).sites).toHaveLength(2);
  });

  it("deactivation takes effect on the next request", async () => {
    const admin = await buildUser(db, "admin");
    const viewer = await buildUser(db, "viewer");
    expect(await loadUserActor(db, viewer.id)).not.toBeNull();
    await updateUser(db, admin.actor, viewer.id, { active: false });
    expect(await loadUserActor(db, viewer.id)).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "user.deactivate", entityId: viewer.id } })).toBe(1);
  });

  it("does not let an admin lock themselves out", async () => {
    const admin = await buildUser(db, "admin");
    await expect(updateUser(db, admin.actor, admin.id, { active: false })).rejects.toMatchObject({ code: "own_access" });
    await expect(updateUser(db, admin.actor, admin.id, { role: "viewer" })).rejects.toMatchObject({ code: "own_access" });
  });

  it("applies concurrent edits one after the other, each audited", async () => {
    const admin = await buildUser(db, "admin");
    const user = await buildUser(db, "viewer");
    const names = Array.from({ length: 8 }, (_, i) => `Name ${i}`);
    await Promise.all(names.map((name) => updateUser(db, admin.actor, user.id, { name })));
    const entries = await db.auditEntry.findMany({ where: { action: "user.update", entityId: user.id }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(8);
    // Serialized by the row lock: each entry's "before" is the previous entry's "after".
    for (let i = 1; i < entries.length; i++) {
      expect((entries[i].before as { name: string }).name).toBe((entries[i - 1].after as { name: string }).name);
    }
  });
});

describe("users managed by an admin key scoped to one site", () => {
  const db = getDb();
  const person = (email: string, role: "admin" | "manager" | "clerk" | "viewer", sites: string[]) => ({
    email,
    name: "P",
    role,
    password: "password1",
    sites,
  });

  it("creates users only within its site: never unscoped, never an admin, never at another site (403)", async () => {
    const [home, away] = [await buildSite(db), await buildSite(db)];
    const { actor } = await buildApiKey(db, "admin", [home.code]);
    for (const [email, role, sites] of [
      ["scoped-all@example.com", "viewer", []],
      ["scoped-admin@example.com", "admin", [home.code]],
      ["scoped-away@example.com", "clerk", [home.code, away.code]],
    ] as const) {
      await expect(createUser(db, actor, person(email, role, [...sites])), email).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.user.count({ where: { email: { startsWith: "scoped-" } } })).toBe(0);
    expect(await createUser(db, actor, person("in-scope@example.com", "manager", [home.code]))).toMatchObject({
      role: "manager",
      sites: [home.code],
    });
  });

  it("changes only users within its site, and cannot widen them (403)", async () => {
    const [home, away] = [await buildSite(db), await buildSite(db)];
    const { actor } = await buildApiKey(db, "admin", [home.code]);
    const clerk = await buildUser(db, "clerk", { sites: [home.code] });
    const manager = await buildUser(db, "manager", { sites: [home.code] });
    const admin = await buildUser(db, "admin");
    const refused: [string, UserUpdate][] = [
      [admin.id, { password: "taken-over-1" }],
      [clerk.id, { sites: [home.code, away.code] }],
      [manager.id, { sites: [] }],
      [manager.id, { role: "admin" }],
    ];
    for (const [id, change] of refused)
      await expect(updateUser(db, actor, id, change), JSON.stringify(change)).rejects.toMatchObject({ code: "forbidden" });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash!, "taken-over-1")).toBe(false);
    expect(await loadUserActor(db, manager.id)).toMatchObject({ role: "manager", sites: [home.id] });
    expect(await updateUser(db, actor, clerk.id, { name: "Renamed", role: "viewer" })).toMatchObject({
      name: "Renamed",
      role: "viewer",
      sites: [home.code],
    });
  });
});
