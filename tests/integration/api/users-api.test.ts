import { describe, expect, it } from "vitest";
import * as userRoutes from "../../../app/api/v1/users/route";
import * as userByIdRoutes from "../../../app/api/v1/users/[id]/route";
import * as meRoutes from "../../../app/api/v1/me/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildSite } from "../../factories/access";
import { callRoute } from "./call-route";

const db = getDb();
const newUser = (email: string) => ({ email, name: "New Person", role: "viewer", password: "long-enough" });

describe("POST /api/v1/users", () => {
  it("answers 401 problem JSON without credentials and with an unknown key", async () => {
    for (const key of [undefined, "sr_not-a-real-key"]) {
      const res = await callRoute(userRoutes.POST, { method: "POST", path: "/api/v1/users", key, body: newUser("anon@example.com") });
      expect(res.status).toBe(401);
      expect(res.contentType).toBe("application/problem+json");
      expect(res.json).toMatchObject({ status: 401, code: "unauthenticated", type: "/problems/unauthenticated" });
    }
  });

  it("answers 403 to every role but admin, and creates nothing", async () => {
    const site = await buildSite(db);
    for (const [role, sites] of [
      ["viewer", []],
      ["clerk", [site.code]],
      ["manager", []],
    ] as const) {
      const key = await buildApiKey(db, role, [...sites]);
      const res = await callRoute(userRoutes.POST, { method: "POST", path: "/api/v1/users", key: key.key, body: newUser(`by-${role}@example.com`) });
      expect(res.status, role).toBe(403);
      expect(res.json.code).toBe("forbidden");
    }
    expect(await db.user.count({ where: { email: { startsWith: "by-" } } })).toBe(0);
  });

  it("answers 422 naming each bad field, and 400 for a body that is not JSON", async () => {
    const admin = await buildApiKey(db, "admin");
    const res = await callRoute(userRoutes.POST, {
      method: "POST",
      path: "/api/v1/users",
      key: admin.key,
      body: { email: "not-an-email", role: "boss", password: "short" },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["email", "name", "password", "role"]);
    const broken = await callRoute(userRoutes.POST, { method: "POST", path: "/api/v1/users", key: admin.key, rawBody: "{nope" });
    expect(broken.status).toBe(400);
  });

  it("creates with 201 for an admin key, then 409 for the same e-mail", async () => {
    const admin = await buildApiKey(db, "admin");
    const created = await callRoute(userRoutes.POST, {
      method: "POST",
      path: "/api/v1/users",
      key: admin.key,
      body: newUser("api-made@example.com"),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: "api-made@example.com", role: "viewer", active: true, sites: [] });
    expect(created.json).not.toHaveProperty("password");
    const again = await callRoute(userRoutes.POST, { method: "POST", path: "/api/v1/users", key: admin.key, body: newUser("api-made@example.com") });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("email_taken");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.create", entityId: created.json.id } });
    expect(audit.actorLabel).toBe(`key:${admin.name}`);
  });

  it("replays a retried write with the same Idempotency-Key and refuses the key for another body", async () => {
    const admin = await buildApiKey(db, "admin");
    const send = (email: string) =>
      callRoute(userRoutes.POST, {
        method: "POST",
        path: "/api/v1/users",
        key: admin.key,
        body: newUser(email),
        headers: { "idempotency-key": "create-once-1" },
      });
    const [first, ...retries] = await Promise.all([send("idem@example.com"), send("idem@example.com"), send("idem@example.com")]);
    const all = [first, ...retries];
    const created = all.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of created) expect(r.json.id).toBe(created[0].json.id);
    for (const r of all.filter((r) => r.status !== 201)) expect(r.status).toBe(409); // a twin still in flight
    expect(await db.user.count({ where: { email: "idem@example.com" } })).toBe(1);
    const replay = await send("idem@example.com");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(created[0].json.id);
    const reused = await send("someone-else@example.com");
    expect(reused.status).toBe(422);
    expect(reused.json.errors[0].field).toBe("Idempotency-Key");
    expect(await db.user.count({ where: { email: "someone-else@example.com" } })).toBe(0);
  });
});

describe("PATCH /api/v1/users/{id}", () => {
  it("404s for an unknown user and 422s for a malformed id", async () => {
    const admin = await buildApiKey(db, "admin");
    const unknown = await callRoute(userByIdRoutes.PATCH, {
      method: "PATCH",
      path: "/api/v1/users/x",
      key: admin.key,
      body: { name: "X" },
      params: { id: "0190b4a0-0000-7000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
    const malformed = await callRoute(userByIdRoutes.PATCH, {
      method: "PATCH",
      path: "/api/v1/users/x",
      key: admin.key,
      body: { name: "X" },
      params: { id: "x" },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.json.errors[0].field).toBe("id");
  });
});

describe("GET /api/v1/me", () => {
  it("tells a scoped key its role, sites and permissions", async () => {
    const site = await buildSite(db);
    const key = await buildApiKey(db, "clerk", [site.code]);
    const res = await callRoute(meRoutes.GET, { path: "/api/v1/me", key: key.key });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ type: "apiKey", role: "clerk", sites: [site.code] });
    expect(res.json.permissions).toContain("stock.move");
    expect(res.json.permissions).not.toContain("users.manage");
  });
});

describe("a refused write retried with its Idempotency-Key", () => {
  it("is judged again, not replayed: a refusal changed nothing and is not kept", async () => {
    const admin = await buildApiKey(db, "admin");
    const code = `LATER${Date.now().toString(36).toUpperCase()}`;
    const body = { ...newUser(`later-${code.toLowerCase()}@example.com`), role: "clerk", sites: [code] };
    const send = () =>
      callRoute(userRoutes.POST, {
        method: "POST",
        path: "/api/v1/users",
        key: admin.key,
        body,
        headers: { "idempotency-key": "refused-then-fine" },
      });
    const first = await send();
    expect(first).toMatchObject({ status: 422, contentType: "application/problem+json" });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    await buildSite(db, code);
    const retry = await send();
    expect(retry).toMatchObject({ status: 201, json: { email: body.email, sites: [code] } });
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const again = await send();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(retry.json);
  });
});
