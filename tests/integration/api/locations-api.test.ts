import { describe, expect, it } from "vitest";
import * as locationRoutes from "../../../app/api/v1/locations/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildSite } from "../../factories/access";
import { callRoute } from "./call-route";

const db = getDb();
const post = (key: string | undefined, body: unknown) => callRoute(locationRoutes.POST, { method: "POST", path: "/api/v1/locations", key, body });
const list = (key: string, query = "") => callRoute(locationRoutes.GET, { path: `/api/v1/locations${query}`, key });

describe("POST /api/v1/locations", () => {
  it("answers 401 without a key and 403 to clerks and to managers of another site", async () => {
    const [home, away] = [await buildSite(db), await buildSite(db)];
    expect((await post(undefined, { code: "Z-ANON", name: "Z", type: "zone", parent: home.code })).status).toBe(401);
    const clerk = await buildApiKey(db, "clerk", [home.code]);
    expect(await post(clerk.key, { code: "Z-CLERK", name: "Z", type: "zone", parent: home.code })).toMatchObject({
      status: 403,
      json: { code: "forbidden" },
    });
    const homeManager = await buildApiKey(db, "manager", [home.code]);
    expect(await post(homeManager.key, { code: "Z-AWAY", name: "Z", type: "zone", parent: away.code })).toMatchObject({
      status: 403,
      contentType: "application/problem+json",
      json: { code: "forbidden", siteId: away.id },
    });
    expect(await post(homeManager.key, { code: "NEW-SITE", name: "S", type: "site" })).toMatchObject({ status: 403 });
    expect(await db.location.count({ where: { code: { in: ["Z-ANON", "Z-CLERK", "Z-AWAY", "NEW-SITE"] } } })).toBe(0);
  });

  it("creates with 201, then 409 for the same code, 404 for an unknown parent and 422 without one", async () => {
    const site = await buildSite(db);
    const manager = await buildApiKey(db, "manager");
    const created = await post(manager.key, { code: "api-z", name: "Zone", type: "zone", parent: site.code, tempMinC: -20, tempMaxC: -18 });
    expect(created).toMatchObject({
      status: 201,
      json: { code: "API-Z", site: site.code, parent: site.code, conditions: { tempMinC: -20, tempMaxC: -18 } },
    });
    expect(await post(manager.key, { code: "API-Z", name: "Again", type: "zone", parent: site.code })).toMatchObject({
      status: 409,
      json: { code: "location_code_taken", location: "API-Z" },
    });
    expect(await post(manager.key, { code: "API-B", name: "Bin", type: "bin", parent: "NOWHERE" })).toMatchObject({
      status: 404,
      json: { code: "not_found" },
    });
    expect(await post(manager.key, { code: "API-C", name: "Bin", type: "bin" })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "parent" }] },
    });
    const invalid = await post(manager.key, { code: "A/B", type: "shelf", parent: site.code });
    expect(invalid.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["code", "name"]);
  });

  it("creates a site for an admin key", async () => {
    const admin = await buildApiKey(db, "admin");
    expect(await post(admin.key, { code: "API-SITE", name: "Via API", type: "site" })).toMatchObject({
      status: 201,
      json: { type: "site", parent: null, path: "API-SITE" },
    });
  });
});

describe("GET /api/v1/locations", () => {
  it("lists only the key's sites, filtered by site and parent, virtual ones on request", async () => {
    const [home, away] = [await buildSite(db, "GH"), await buildSite(db, "GA")];
    const admin = await buildApiKey(db, "admin");
    await post(admin.key, { code: "GH-Z", name: "Z", type: "zone", parent: home.code });
    await post(admin.key, { code: "GA-Z", name: "Z", type: "zone", parent: away.code });
    const clerk = await buildApiKey(db, "clerk", [home.code]);
    const res = await list(clerk.key);
    expect(res).toMatchObject({
      status: 200,
      json: {
        data: [
          { code: "GH", parent: null },
          { code: "GH-QUARANTINE", parent: "GH" },
          { code: "GH-STAGING", parent: "GH" },
          { code: "GH-Z", parent: "GH" },
        ],
      },
    });
    expect(res.json.data).toHaveLength(4);
    expect((await list(clerk.key, "?site=GA")).json.data).toEqual([]);
    expect((await list(admin.key, "?parent=GA")).json.data.map((l: { code: string }) => l.code)).toEqual(["GA-QUARANTINE", "GA-STAGING", "GA-Z"]);
    const withVirtual = await list(clerk.key, "?includeVirtual=true");
    expect(withVirtual.json.data).toHaveLength(11);
    expect((await list(clerk.key, "?includeVirtual=perhaps")).status).toBe(422);
  });
});
