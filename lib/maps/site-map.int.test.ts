import { describe, expect, it } from "vitest";
import * as mapRoutes from "../../app/api/v1/sites/[code]/map/route";
import * as undoRoutes from "../../app/api/v1/sites/[code]/map/undo/route";
import * as versionRoutes from "../../app/api/v1/sites/[code]/map/versions/route";
import { buildApiKey, buildSite, buildUser } from "../../tests/factories/access";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { getSiteMap } from "./get-site-map";
import { listSiteMapVersions } from "./list-site-map-versions";
import { saveSiteMap } from "./save-site-map";
import type { MapShape } from "./schemas";
import { undoSiteMap } from "./undo-site-map";

const db = getDb();
const admin = SYSTEM_ACTOR;

/** A site with two bins, and the shapes of a small map drawing them beside an aisle. */
async function mappedSite() {
  const site = await buildSite(db);
  const root = await db.location.findUniqueOrThrow({ where: { code: site.code } });
  for (const suffix of ["B1", "B2"]) {
    await db.location.create({
      data: {
        siteId: site.id,
        parentId: root.id,
        code: `${site.code}-${suffix}`,
        name: suffix,
        type: "bin",
        path: `${site.code}/${site.code}-${suffix}`,
      },
    });
  }
  const shapes: MapShape[] = [
    { id: "aisle", kind: "aisle", x: 0, y: 2, width: 3, height: 20 },
    { id: "dock", kind: "dock", x: 0, y: 0, width: 4, height: 2 },
    { id: "b1", kind: "bin", x: 3, y: 4, width: 1, height: 1, location: `${site.code}-B1` },
    { id: "b2", kind: "bin", x: 3, y: 8, width: 1, height: 1, rotation: 90, location: `${site.code}-b2` },
  ];
  return { site, shapes, map: { width: 30, height: 25, unit: "m" as const, shapes } };
}

describe("site maps", () => {
  it("answers an empty map at version 0 for a site never mapped, then each save as the next version", async () => {
    const { site, map } = await mappedSite();
    expect(await getSiteMap(db, admin, site.code.toLowerCase())).toEqual({
      site: site.code,
      version: 0,
      width: 100,
      height: 60,
      unit: "m",
      shapes: [],
      updatedAt: null,
      updatedBy: null,
    });
    const manager = await buildUser(db, "manager", { sites: [site.code] });
    const first = await saveSiteMap(db, manager.actor, site.code, { version: 0, ...map });
    expect(first).toMatchObject({ site: site.code, version: 1, width: 30, updatedBy: manager.email });
    expect(first.shapes[3]).toEqual({ id: "b2", kind: "bin", x: 3, y: 8, width: 1, height: 1, rotation: 90, location: `${site.code}-B2` });
    const second = await saveSiteMap(db, manager.actor, site.code, { version: 1, ...map, shapes: map.shapes.slice(0, 3) });
    expect(second.version).toBe(2);
    expect(await getSiteMap(db, admin, site.code)).toMatchObject({ version: 2, shapes: map.shapes.slice(0, 3) });
    const versions = await listSiteMapVersions(db, admin, site.code);
    expect(versions.data).toEqual([
      { version: 2, savedAt: expect.any(String), savedBy: manager.email, note: null, shapeCount: 3 },
      { version: 1, savedAt: expect.any(String), savedBy: manager.email, note: null, shapeCount: 4 },
    ]);
    expect(await db.auditEntry.count({ where: { action: "siteMap.save", siteId: site.id } })).toBe(2);
    expect(await db.outboxEvent.count({ where: { type: "siteMap.saved", siteId: site.id } })).toBe(2);
  });

  it("refuses a save from a stale version with 409 naming the current one, and lets one of two racing first saves win", async () => {
    const { site, map } = await mappedSite();
    const racing = await Promise.allSettled([0, 1, 2, 3].map(() => saveSiteMap(db, admin, site.code, { version: 0, ...map })));
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of racing)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "map_version_stale", details: { currentVersion: 1, sentVersion: 0 } });
    await saveSiteMap(db, admin, site.code, { version: 1, ...map });
    await expect(saveSiteMap(db, admin, site.code, { version: 1, ...map })).rejects.toMatchObject({
      code: "map_version_stale",
      details: { currentVersion: 2 },
    });
    expect(await db.siteMapVersion.count({ where: { siteId: site.id } })).toBe(2);
  });

  it("refuses locations of another site or none, shapes outside the map and repeated ids, naming each field", async () => {
    const { site, map } = await mappedSite();
    const other = await mappedSite();
    const save = (shapes: MapShape[]) => saveSiteMap(db, admin, site.code, { version: 0, ...map, shapes });
    await expect(
      save([
        ...map.shapes,
        { id: "x", kind: "bin", x: 1, y: 1, width: 1, height: 1, location: `${other.site.code}-B1` },
        { id: "y", kind: "bin", x: 1, y: 1, width: 1, height: 1, location: "NOPE" },
      ]),
    ).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "shapes.4.location", message: expect.stringContaining(site.code) }, { field: "shapes.5.location" }],
    });
    await expect(save([{ id: "v", kind: "bin", x: 1, y: 1, width: 1, height: 1, location: `${site.code}-CUSTOMER` }])).rejects.toMatchObject({
      issues: [{ field: "shapes.0.location", message: expect.stringContaining("virtual") }],
    });
    await expect(
      save([
        { id: "a", kind: "wall", x: 29, y: 0, width: 2, height: 1 },
        { id: "a", kind: "door", x: 0, y: 0, width: 1, height: 1 },
      ]),
    ).rejects.toMatchObject({
      name: "ZodError",
      issues: [{ path: ["shapes", 0], message: "Lies outside the 30 × 25 m map" }, { path: ["shapes", 1, "id"] }],
    });
    // Turned a quarter, a 20 × 2 m wall centred at (15, 10) stands 2 × 20: it fits; unturned at the edge it does not.
    await expect(save([{ id: "w", kind: "wall", x: 5, y: 9, width: 20, height: 2, rotation: 90 }])).resolves.toMatchObject({ version: 1 });
    await expect(
      saveSiteMap(db, admin, site.code, {
        version: 1,
        ...map,
        shapes: [{ id: "k", kind: "shelf" as never, x: 0, y: 0, width: Infinity, height: 1 }],
      }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  it("undoes by saving the earlier content as a new version, walking further back on repeated undos", async () => {
    const { site, map } = await mappedSite();
    await expect(undoSiteMap(db, admin, site.code, { version: 1 })).rejects.toMatchObject({
      code: "map_version_stale",
      details: { currentVersion: 0 },
    });
    for (const [version, count] of [
      [0, 2],
      [1, 3],
      [2, 4],
    ])
      await saveSiteMap(db, admin, site.code, { version, ...map, shapes: map.shapes.slice(0, count) });
    await expect(undoSiteMap(db, admin, site.code, { version: 2 })).rejects.toMatchObject({
      code: "map_version_stale",
      details: { currentVersion: 3 },
    });
    expect(await undoSiteMap(db, admin, site.code, { version: 3 })).toMatchObject({ version: 4, shapes: map.shapes.slice(0, 3) });
    expect(await undoSiteMap(db, admin, site.code, { version: 4 })).toMatchObject({ version: 5, shapes: map.shapes.slice(0, 2) });
    await expect(undoSiteMap(db, admin, site.code, { version: 5 })).rejects.toMatchObject({ code: "map_nothing_to_undo" });
    const versions = (await listSiteMapVersions(db, admin, site.code)).data;
    expect(versions.map((v) => [v.version, v.shapeCount, v.note])).toEqual([
      [5, 2, "Undo: back to version 1"],
      [4, 3, "Undo: back to version 2"],
      [3, 4, null],
      [2, 3, null],
      [1, 2, null],
    ]);
  });

  it("lets clerks and viewers of the site see the map, only its managers change it, and no one from another site", async () => {
    const { site, map } = await mappedSite();
    const elsewhere = await buildSite(db);
    const [clerk, viewer, manager, awayManager, awayClerk] = [
      await buildUser(db, "clerk", { sites: [site.code] }),
      await buildUser(db, "viewer", { sites: [site.code] }),
      await buildUser(db, "manager", { sites: [site.code] }),
      await buildUser(db, "manager", { sites: [elsewhere.code] }),
      await buildUser(db, "clerk", { sites: [elsewhere.code] }),
    ];
    await saveSiteMap(db, manager.actor, site.code, { version: 0, ...map });
    for (const someone of [clerk, viewer]) {
      await expect(getSiteMap(db, someone.actor, site.code)).resolves.toMatchObject({ version: 1 });
      await expect(saveSiteMap(db, someone.actor, site.code, { version: 1, ...map })).rejects.toMatchObject({ code: "forbidden" });
      await expect(undoSiteMap(db, someone.actor, site.code, { version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    }
    for (const outsider of [awayManager, awayClerk]) {
      await expect(getSiteMap(db, outsider.actor, site.code)).rejects.toMatchObject({ code: "forbidden" });
      await expect(listSiteMapVersions(db, outsider.actor, site.code)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(saveSiteMap(db, awayManager.actor, site.code, { version: 1, ...map })).rejects.toMatchObject({
      code: "forbidden",
      details: { siteId: site.id },
    });
    await expect(getSiteMap(db, admin, "NO-SUCH-SITE")).rejects.toMatchObject({ code: "not_found" });
    expect(await db.siteMapVersion.count({ where: { siteId: site.id } })).toBe(1);
  });
});

describe("the site map API", () => {
  it("gets, puts the exact body, answers 409 and 422 as problem JSON, lists versions and undoes", async () => {
    const { site, shapes } = await mappedSite();
    const manager = await buildApiKey(db, "manager", [site.code]);
    const clerk = await buildApiKey(db, "clerk", [site.code]);
    const params = { code: site.code.toLowerCase() };
    const path = `/api/v1/sites/${site.code}/map`;
    const put = (key: string, body: unknown) => callRoute(mapRoutes.PUT, { method: "PUT", path, key, body, params });
    const body = { width: 30, height: 25, unit: "m", shapes, version: 0 };

    expect(await callRoute(mapRoutes.GET, { path, key: clerk.key, params })).toMatchObject({ status: 200, json: { version: 0, shapes: [] } });
    expect(await put(clerk.key, body)).toMatchObject({ status: 403, json: { code: "forbidden" } });
    expect(await put(manager.key, body)).toMatchObject({
      status: 200,
      json: { site: site.code, version: 1, unit: "m", shapes: expect.arrayContaining([expect.objectContaining({ id: "b1" })]) },
    });
    expect(await put(manager.key, body)).toMatchObject({
      status: 409,
      contentType: "application/problem+json",
      json: { code: "map_version_stale", currentVersion: 1 },
    });
    const bad = await put(manager.key, { ...body, version: 1, unit: "ft", shapes: [{ ...shapes[2], location: "NOPE" }] });
    expect(bad).toMatchObject({ status: 422, json: { errors: [{ field: "unit" }] } });
    expect(await put(manager.key, { ...body, version: 1, shapes: [{ ...shapes[2], location: "NOPE" }] })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "shapes.0.location" }] },
    });
    expect(await put(manager.key, { ...body, version: 1, shapes: [] })).toMatchObject({ status: 200, json: { version: 2, shapes: [] } });
    expect(await callRoute(versionRoutes.GET, { path: `${path}/versions`, key: clerk.key, params })).toMatchObject({
      status: 200,
      json: { data: [{ version: 2 }, { version: 1 }] },
    });
    const undone = await callRoute(undoRoutes.POST, { method: "POST", path: `${path}/undo`, key: manager.key, body: { version: 2 }, params });
    expect(undone).toMatchObject({ status: 200, json: { version: 3, shapes: expect.arrayContaining([expect.objectContaining({ id: "b2" })]) } });
  });
});
