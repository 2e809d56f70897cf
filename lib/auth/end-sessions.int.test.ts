import { describe, expect, it } from "vitest";
import * as meRoute from "../../app/api/v1/me/route";
import { buildUser, signInSession } from "../../tests/factories/access";
import { callRoute } from "../../tests/integration/api/call-route";
import { getDb } from "../db/client";
import { updateUser } from "../users/update-user";
import { authOptions } from "./auth-options";
import { loadSessionActor } from "./load-actor";
import { sessionClaimsOf } from "./session-claims";

const db = getDb();

/** Whether a session still lets its holder in, read the way every page and route reads it. */
async function isLive(session: { token: unknown }) {
  return (await loadSessionActor(db, sessionClaimsOf(session.token)!)) !== null;
}

async function meStatus(cookie: string) {
  return (await callRoute(meRoute.GET, { path: "/api/v1/me", headers: { cookie } })).status;
}

describe("ending sessions", () => {
  it("signing out ends every session of that person, on every device, and is audited", async () => {
    const manager = await buildUser(db, "manager");
    const phone = await signInSession(db, manager);
    const desk = await signInSession(db, manager);
    expect(await meStatus(phone.cookie)).toBe(200);
    await authOptions.events!.signOut!({ token: phone.token, session: null as never });
    expect(await meStatus(phone.cookie)).toBe(401);
    expect(await meStatus(desk.cookie)).toBe(401);
    expect(await db.auditEntry.count({ where: { action: "auth.sign_out", entityId: manager.id } })).toBe(1);
    // Signing in again opens a new session.
    expect(await meStatus((await signInSession(db, manager)).cookie)).toBe(200);
  });

  it("signing out on a device whose session had already ended leaves the newer session alone", async () => {
    const viewer = await buildUser(db, "viewer");
    const old = await signInSession(db, viewer);
    await authOptions.events!.signOut!({ token: old.token, session: null as never });
    const fresh = await signInSession(db, viewer);
    await authOptions.events!.signOut!({ token: old.token, session: null as never });
    expect(await isLive(fresh)).toBe(true);
  });

  it("a password change ends every session; signing in with the new password works", async () => {
    const admin = await buildUser(db, "admin");
    const viewer = await buildUser(db, "viewer");
    const session = await signInSession(db, viewer);
    await updateUser(db, admin.actor, viewer.id, { password: "a new password" });
    expect(await isLive(session)).toBe(false);
    expect(await isLive(await signInSession(db, { email: viewer.email, password: "a new password" }))).toBe(true);
  });

  it("deactivation ends every session", async () => {
    const admin = await buildUser(db, "admin");
    const viewer = await buildUser(db, "viewer");
    const session = await signInSession(db, viewer);
    await updateUser(db, admin.actor, viewer.id, { active: false });
    expect(await isLive(session)).toBe(false);
    expect(await meStatus(session.cookie)).toBe(401);
  });

  it("a role change ends every session; a change of name does not", async () => {
    const admin = await buildUser(db, "admin");
    const manager = await buildUser(db, "manager");
    const session = await signInSession(db, manager);
    await updateUser(db, admin.actor, manager.id, { name: "Renamed" });
    expect(await isLive(session)).toBe(true);
    await updateUser(db, admin.actor, manager.id, { role: "viewer" });
    expect(await isLive(session)).toBe(false);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.update", entityId: manager.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ role: "viewer", sessionsEnded: true });
  });

  it("a token from before session versions reads as no session", async () => {
    const viewer = await buildUser(db, "viewer");
    expect(sessionClaimsOf({ userId: viewer.id })).toBeNull();
  });
});
