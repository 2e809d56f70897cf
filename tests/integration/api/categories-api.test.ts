// GET/POST /api/v1/categories and PATCH /api/v1/categories/{path}: the costing method of a category, over HTTP.
import { describe, expect, it } from "vitest";
import * as categoriesRoute from "../../../app/api/v1/categories/route";
import * as categoryRoute from "../../../app/api/v1/categories/[path]/route";
import * as settingsRoute from "../../../app/api/v1/settings/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { callRoute } from "./call-route";

const db = getDb();

describe("the categories API", () => {
  it("adds a category with a costing method, lists it, changes it by its encoded path; 422 names the field", async () => {
    const manager = await buildApiKey(db, "manager");
    const added = await callRoute(categoriesRoute.POST, {
      method: "POST",
      path: "/api/v1/categories",
      key: manager.key,
      body: { path: "Spares > Belts", costingMethod: "average" },
    });
    expect(added).toMatchObject({ status: 201, json: { path: "Spares > Belts", costingMethod: "average" } });
    const listed = await callRoute(categoriesRoute.GET, { path: "/api/v1/categories", key: manager.key });
    expect(listed.json.data).toContainEqual(expect.objectContaining({ path: "Spares > Belts", costingMethod: "average" }));

    const encoded = encodeURIComponent("Spares > Belts");
    const patch = (body: unknown, key = manager.key) =>
      callRoute(categoryRoute.PATCH, { method: "PATCH", path: `/api/v1/categories/${encoded}`, key, body, params: { path: encoded } });
    expect(await patch({ costingMethod: "standard" })).toMatchObject({ status: 200, json: { path: "Spares > Belts", costingMethod: "standard" } });
    const wrong = await patch({ costingMethod: "lifo" });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.json)).toContain("costingMethod");
    const viewer = await buildApiKey(db, "viewer");
    expect((await patch({ costingMethod: "fifo" }, viewer.key)).status).toBe(403);
  });

  it("lets an admin, not a manager, set the installation's costing method and currency", async () => {
    const admin = await buildApiKey(db, "admin");
    const manager = await buildApiKey(db, "manager");
    const patch = (key: string, body: unknown) => callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/api/v1/settings", key, body });
    expect(await patch(admin.key, { costingMethod: "average", currency: "usd" })).toMatchObject({
      status: 200,
      json: { costingMethod: "average", currency: "USD" },
    });
    expect((await patch(manager.key, { costingMethod: "fifo" })).status).toBe(403);
    const wrong = await patch(admin.key, { currency: "dollars" });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.json)).toContain("currency");
  });
});
