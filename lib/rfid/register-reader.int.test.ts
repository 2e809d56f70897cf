import { describe, expect, it } from "vitest";
import * as readerRoutes from "../../app/api/v1/rfid/readers/route";
import { buildApiKey } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { listReaders } from "./list-readers";
import { registerReader } from "./register-reader";

const db = getDb();
const post = (key: string, body: unknown) => callRoute(readerRoutes.POST, { method: "POST", path: "/api/v1/rfid/readers", key, body });
const list = (key: string) => callRoute(readerRoutes.GET, { path: "/api/v1/rfid/readers", key });

describe("registerReader", () => {
  it("registers a reader with 201, and registering it again moves it", async () => {
    const w = await buildWarehouse(db);
    const manager = await buildApiKey(db, "manager", [w.site.code]);
    expect(await post(manager.key, { id: "DOCK-1", location: w.bins.a1.code.toLowerCase() })).toMatchObject({
      status: 201,
      json: { id: "DOCK-1", antenna: 0, location: w.bins.a1.code },
    });
    expect(await post(manager.key, { id: "DOCK-1", location: w.bins.a2.code })).toMatchObject({ status: 201, json: { location: w.bins.a2.code } });
    expect(await post(manager.key, { id: "DOCK-1", antenna: 2, location: w.bins.a1.code })).toMatchObject({ status: 201, json: { antenna: 2 } });
    expect(
      await db.rfidReader.findMany({ where: { readerId: "DOCK-1" }, orderBy: { antenna: "asc" }, select: { antenna: true, locationId: true } }),
    ).toEqual([
      { antenna: 0, locationId: w.bins.a2.id },
      { antenna: 2, locationId: w.bins.a1.id },
    ]);
    expect(await db.auditEntry.count({ where: { action: "rfid.reader.register", entityId: "DOCK-1#0" } })).toBe(2);
  });

  it("answers 403 to a clerk, and to a manager of another site, and changes nothing", async () => {
    const [home, away] = [await buildWarehouse(db), await buildWarehouse(db)];
    const clerk = await buildApiKey(db, "clerk", [home.site.code]);
    expect(await post(clerk.key, { id: "GATE-1", location: home.bins.a1.code })).toMatchObject({ status: 403, json: { code: "forbidden" } });
    const awayManager = await buildApiKey(db, "manager", [away.site.code]);
    expect(await post(awayManager.key, { id: "GATE-1", location: home.bins.a1.code })).toMatchObject({
      status: 403,
      json: { code: "forbidden", siteId: home.site.id },
    });
    // Nor may a manager pull another site's reader over to their own site.
    await registerReader(db, SYSTEM_ACTOR, { id: "GATE-2", location: home.bins.a1.code });
    expect(await post(awayManager.key, { id: "GATE-2", location: away.bins.a1.code })).toMatchObject({ status: 403 });
    expect(await db.rfidReader.findMany({ where: { readerId: { in: ["GATE-1", "GATE-2"] } }, select: { readerId: true, locationId: true } })).toEqual(
      [{ readerId: "GATE-2", locationId: home.bins.a1.id }],
    );
  });

  it("refuses unknown and virtual locations and antenna 0", async () => {
    const w = await buildWarehouse(db);
    const manager = await buildApiKey(db, "manager");
    expect(await post(manager.key, { id: "X", location: "NOWHERE" })).toMatchObject({ status: 422, json: { errors: [{ field: "location" }] } });
    expect(await post(manager.key, { id: "X", location: `${w.site.code}-SUPPLIER` })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "location" }] },
    });
    expect(await post(manager.key, { id: "X", location: w.site.code })).toMatchObject({ status: 422 });
    expect(await post(manager.key, { id: "X", antenna: 0, location: w.bins.a1.code })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "antenna" }] },
    });
  });

  it("lists only the readers at the caller's sites", async () => {
    const [home, away] = [await buildWarehouse(db), await buildWarehouse(db)];
    await registerReader(db, SYSTEM_ACTOR, { id: `L-${home.site.code}`, location: home.bins.a1.code });
    await registerReader(db, SYSTEM_ACTOR, { id: `L-${away.site.code}`, location: away.bins.a1.code });
    const clerk = await buildApiKey(db, "clerk", [home.site.code]);
    const answer = await list(clerk.key);
    expect(answer.status).toBe(200);
    expect(answer.json.data).toContainEqual({ id: `L-${home.site.code}`, antenna: 0, location: home.bins.a1.code });
    expect(answer.json.data.map((r: { id: string }) => r.id)).not.toContain(`L-${away.site.code}`);
    expect((await listReaders(db, SYSTEM_ACTOR)).map((r) => r.id)).toEqual(expect.arrayContaining([`L-${home.site.code}`, `L-${away.site.code}`]));
  });
});
