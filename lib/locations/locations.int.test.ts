import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { getDb } from "../db/client";
import { createLocation } from "./create-location";
import { listLocations } from "./list-locations";

describe("creating locations", () => {
  const db = getDb();

  it("puts a zone and a bin under a site, inheriting the site and extending the path, audited and announced", async () => {
    const manager = await buildUser(db, "manager");
    const site = await buildSite(db);
    const zone = await createLocation(db, manager.actor, {
      code: ` ${site.code.toLowerCase()}-c `,
      name: "Chilled",
      type: "zone",
      parent: site.code,
      tempMinC: 2,
      tempMaxC: 7.5,
    });
    const bin = await createLocation(db, manager.actor, {
      code: `${site.code}-C01`,
      name: "Bin",
      type: "bin",
      parent: zone.code,
      hazardClasses: ["3", "3", "8"],
      capacityUnits: 40,
    });
    expect(zone).toMatchObject({
      code: `${site.code}-C`,
      type: "zone",
      site: site.code,
      parent: site.code,
      path: `${site.code}/${site.code}-C`,
      isVirtual: false,
      active: true,
      conditions: { tempMinC: 2, tempMaxC: 7.5, humidityMaxPct: null, hazardClasses: [] },
    });
    expect(bin).toMatchObject({
      site: site.code,
      parent: zone.code,
      path: `${zone.path}/${site.code}-C01`,
      capacityUnits: 40,
      conditions: { hazardClasses: ["3", "8"] },
    });
    const row = await db.location.findUniqueOrThrow({ where: { code: bin.code } });
    expect(row.siteId).toBe(site.id);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "location.create", entityId: row.id } });
    expect(audit).toMatchObject({ actorLabel: manager.email, siteId: site.id });
    expect(await db.outboxEvent.count({ where: { type: "location.created", aggregateId: row.id, siteId: site.id } })).toBe(1);
  });

  it("creates a whole site for type site, for admins only, without a parent or conditions", async () => {
    const [admin, manager] = [await buildUser(db, "admin"), await buildUser(db, "manager")];
    const view = await createLocation(db, admin.actor, { code: "nw1", name: "North", type: "site" });
    expect(view).toMatchObject({ code: "NW1", type: "site", site: "NW1", parent: null, path: "NW1" });
    expect(await db.location.count({ where: { site: { code: "NW1" }, isVirtual: true } })).toBe(7);
    await expect(createLocation(db, manager.actor, { code: "NW2", name: "X", type: "site" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createLocation(db, admin.actor, { code: "NW3", name: "X", type: "site", parent: "NW1" })).rejects.toMatchObject({
      issues: [{ field: "parent" }],
    });
    await expect(createLocation(db, admin.actor, { code: "NW4", name: "X", type: "site", tempMaxC: 8 })).rejects.toMatchObject({
      issues: [{ field: "tempMaxC" }],
    });
    await expect(createLocation(db, admin.actor, { code: "nw1 ", name: "Again", type: "site" })).rejects.toMatchObject({
      code: "location_code_taken",
    });
    expect(await db.site.count({ where: { code: { in: ["NW2", "NW3", "NW4"] } } })).toBe(0);
  });

  it("requires a parent, an existing one, and not a virtual one", async () => {
    const manager = await buildUser(db, "manager");
    const site = await buildSite(db);
    await expect(createLocation(db, manager.actor, { code: "P-1", name: "X", type: "zone" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "parent" }],
    });
    await expect(createLocation(db, manager.actor, { code: "P-2", name: "X", type: "zone", parent: "NO-SUCH" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createLocation(db, manager.actor, { code: "P-3", name: "X", type: "bin", parent: `${site.code}-SUPPLIER` })).rejects.toMatchObject({
      issues: [{ field: "parent", message: expect.stringContaining("virtual") }],
    });
    expect(await db.location.count({ where: { code: { startsWith: "P-" } } })).toBe(0);
  });

  it("refuses a code any location already has, in any case", async () => {
    const manager = await buildUser(db, "manager");
    const site = await buildSite(db);
    await createLocation(db, manager.actor, { code: "DUP-1", name: "X", type: "zone", parent: site.code });
    await expect(createLocation(db, manager.actor, { code: "dup-1", name: "Y", type: "aisle", parent: site.code })).rejects.toMatchObject({
      code: "location_code_taken",
      details: { location: "DUP-1" },
    });
    await expect(createLocation(db, manager.actor, { code: site.code, name: "Y", type: "zone", parent: "DUP-1" })).rejects.toMatchObject({
      code: "location_code_taken",
    });
  });

  it("lets only those who manage locations at the parent's site create there", async () => {
    const [home, away] = [await buildSite(db), await buildSite(db)];
    const clerk = await buildUser(db, "clerk", { sites: [home.code] });
    const viewer = await buildUser(db, "viewer");
    const homeManager = await buildUser(db, "manager", { sites: [home.code] });
    for (const someone of [clerk, viewer]) {
      await expect(
        createLocation(db, someone.actor, { code: `NO-${someone.role}`, name: "X", type: "zone", parent: home.code }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(createLocation(db, homeManager.actor, { code: "AWAY-Z", name: "X", type: "zone", parent: away.code })).rejects.toMatchObject({
      code: "forbidden",
      details: { siteId: away.id },
    });
    await expect(createLocation(db, homeManager.actor, { code: "HOME-Z", name: "X", type: "zone", parent: home.code })).resolves.toMatchObject({
      site: home.code,
    });
    expect(await db.location.count({ where: { code: { in: ["NO-CLERK", "NO-VIEWER", "AWAY-Z"] } } })).toBe(0);
  });
});

describe("listing locations", () => {
  const db = getDb();

  it("lists in path order, only the actor's sites, physical unless virtual ones are asked for", async () => {
    const admin = await buildUser(db, "admin");
    const [home, away] = [await buildSite(db, "LH"), await buildSite(db, "LA")];
    const zone = await createLocation(db, admin.actor, { code: "LH-Z", name: "Z", type: "zone", parent: home.code });
    await createLocation(db, admin.actor, { code: "LH-Z-02", name: "B2", type: "bin", parent: zone.code });
    await createLocation(db, admin.actor, { code: "LH-Z-01", name: "B1", type: "bin", parent: zone.code });
    await createLocation(db, admin.actor, { code: "LA-Z", name: "Z", type: "zone", parent: away.code });
    const clerk = await buildUser(db, "clerk", { sites: [home.code] });
    expect((await listLocations(db, clerk.actor)).map((l) => l.code)).toEqual(["LH", "LH-QUARANTINE", "LH-STAGING", "LH-Z", "LH-Z-01", "LH-Z-02"]);
    expect(await listLocations(db, clerk.actor, { site: "la" })).toEqual([]);
    expect((await listLocations(db, admin.actor, { site: "la" })).map((l) => l.code)).toEqual(["LA", "LA-QUARANTINE", "LA-STAGING", "LA-Z"]);
    const withVirtual = await listLocations(db, clerk.actor, { includeVirtual: true });
    expect(withVirtual.filter((l) => l.isVirtual)).toHaveLength(7);
    expect(withVirtual.every((l) => l.site === home.code)).toBe(true);
  });

  it("gives only the direct children of a parent", async () => {
    const admin = await buildUser(db, "admin");
    const site = await buildSite(db, "KD");
    const zone = await createLocation(db, admin.actor, { code: "KD-Z", name: "Z", type: "zone", parent: site.code });
    const aisle = await createLocation(db, admin.actor, { code: "KD-A", name: "A", type: "aisle", parent: zone.code });
    await createLocation(db, admin.actor, { code: "KD-A-1", name: "B", type: "bin", parent: aisle.code });
    expect((await listLocations(db, admin.actor, { parent: "kd" })).map((l) => l.code)).toEqual(["KD-QUARANTINE", "KD-STAGING", "KD-Z"]);
    expect((await listLocations(db, admin.actor, { parent: "KD-Z" })).map((l) => l.code)).toEqual(["KD-A"]);
  });
});
