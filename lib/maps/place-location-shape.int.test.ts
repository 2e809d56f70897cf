import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { getDb } from "../db/client";
import { createLocation } from "../locations/create-location";
import { getSiteMap } from "./get-site-map";
import { listSiteMapVersions } from "./list-site-map-versions";
import { saveSiteMap } from "./save-site-map";

const db = getDb();

describe("placing a new location on its site's map", () => {
  it("creates the map with the location's shape, then adds each next one as a new version", async () => {
    const site = await buildSite(db);
    const manager = await buildUser(db, "manager", { sites: [site.code] });
    await createLocation(db, manager.actor, {
      code: `${site.code}-P1`,
      name: "P1",
      type: "bin",
      parent: site.code,
      x: 120,
      y: 3,
      width: 1.2,
      height: 0.8,
    });
    expect(await getSiteMap(db, manager.actor, site.code)).toMatchObject({
      version: 1,
      width: 121.2,
      height: 60,
      shapes: [{ id: `${site.code}-P1`, kind: "bin", x: 120, y: 3, width: 1.2, height: 0.8, location: `${site.code}-P1` }],
    });
    await createLocation(db, manager.actor, { code: `${site.code}-R1`, name: "R1", type: "rack", parent: site.code, x: 10, y: 10 });
    await createLocation(db, manager.actor, { code: `${site.code}-UNPLACED`, name: "U", type: "bin", parent: site.code });
    const map = await getSiteMap(db, manager.actor, site.code);
    expect(map.version).toBe(2);
    expect(map.shapes[1]).toEqual({ id: `${site.code}-R1`, kind: "rack", x: 10, y: 10, width: 1, height: 1, location: `${site.code}-R1` });
    expect((await listSiteMapVersions(db, manager.actor, site.code)).data[0]).toMatchObject({
      version: 2,
      note: `Placed location ${site.code}-R1`,
      shapeCount: 2,
    });
  });

  it("adds to a saved map, and refuses (creating nothing) a place outside it or half a place", async () => {
    const site = await buildSite(db);
    const manager = await buildUser(db, "manager", { sites: [site.code] });
    await saveSiteMap(db, manager.actor, site.code, {
      version: 0,
      width: 20,
      height: 10,
      unit: "m",
      shapes: [{ id: `${site.code}-Q1`, kind: "wall", x: 0, y: 0, width: 1, height: 1 }],
    });
    await createLocation(db, manager.actor, { code: `${site.code}-Q1`, name: "Q1", type: "bin", parent: site.code, x: 5, y: 5 });
    expect((await getSiteMap(db, manager.actor, site.code)).shapes.map((s) => [s.id, s.location ?? null])).toEqual([
      [`${site.code}-Q1`, null],
      [`${site.code}-Q1-2`, `${site.code}-Q1`],
    ]);
    await expect(
      createLocation(db, manager.actor, { code: `${site.code}-Q2`, name: "Q2", type: "bin", parent: site.code, x: 19.5, y: 9.5 }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "x" }, { field: "y" }],
    });
    await expect(
      createLocation(db, manager.actor, { code: `${site.code}-Q3`, name: "Q3", type: "bin", parent: site.code, x: 1 }),
    ).rejects.toMatchObject({ name: "ZodError", issues: [{ path: ["y"] }] });
    await expect(
      createLocation(db, manager.actor, { code: `${site.code}-Q4`, name: "Q4", type: "bin", parent: site.code, width: 2 }),
    ).rejects.toMatchObject({ name: "ZodError", issues: [{ path: ["width"] }] });
    expect(await db.location.count({ where: { code: { in: [`${site.code}-Q2`, `${site.code}-Q3`, `${site.code}-Q4`] } } })).toBe(0);
    expect((await getSiteMap(db, manager.actor, site.code)).version).toBe(2);
  });
});
