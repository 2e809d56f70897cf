import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { getDb } from "../db/client";
import { updateUser } from "../users/update-user";
import { SIGN_IN_MAX_FAILURES, SignInThrottled, signInWithPassword } from "./sign-in";
import { SYSTEM_ACTOR } from "./actor";

describe("signInWithPassword", () => {
  const db = getDb();

  it("signs in with the right password, in any e-mail case, and audits it", async () => {
    const user = await buildUser(db, "manager");
    const signedIn = await signInWithPassword(db, { email: user.email.toUpperCase(), password: user.password, ip: "10.0.0.7" });
    expect(signedIn?.id).toBe(user.id);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "auth.sign_in", actorId: user.id } });
    expect(entry.ip).toBe("10.0.0.7");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password and an unknown e-mail alike, auditing both", async () => {
    const user = await buildUser(db, "viewer");
    expect(await signInWithPassword(db, { email: user.email, password: "wrong-password" })).toBeNull();
    expect(await signInWithPassword(db, { email: "nobody@example.com", password: "whatever1" })).toBeNull();
    const failures = await db.auditEntry.findMany({ where: { action: "auth.sign_in_failed", entityId: { in: [user.email, "nobody@example.com"] } } });
    expect(failures.map((f) => (f.after as { reason: string }).reason).sort()).toEqual(["unknown e-mail", "wrong password"]);
  });

  it("refuses a deactivated user even with the right password", async () => {
    const user = await buildUser(db, "viewer");
    await updateUser(db, SYSTEM_ACTOR, user.id, { active: false });
    expect(await signInWithPassword(db, { email: user.email, password: user.password })).toBeNull();
  });

  it(`throttles after ${SIGN_IN_MAX_FAILURES} failures, even the right password, and audits the refusal`, async () => {
    const user = await buildUser(db, "viewer");
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) expect(await signInWithPassword(db, { email: user.email, password: `guess-${i}` })).toBeNull();
    await expect(signInWithPassword(db, { email: user.email, password: user.password })).rejects.toBeInstanceOf(SignInThrottled);
    expect(await db.auditEntry.count({ where: { action: "auth.sign_in_throttled", entityId: user.email } })).toBe(1);
    // Another account is unaffected.
    const other = await buildUser(db, "viewer");
    expect(await signInWithPassword(db, { email: other.email, password: other.password })).not.toBeNull();
  });
});
