import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildZonedWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { addCountScans } from "./add-count-scans";
import { cancelCount } from "./cancel-count";
import { getCount } from "./get-count";
import { listCounts } from "./list-counts";
import { startCount } from "./start-count";

const db = getDb();
const admin = SYSTEM_ACTOR;

const zoned = () => buildZonedWarehouse(db);

describe("startCount", () => {
  it("opens a count of a zone covering its bins, with the ledger's stock as expected", async () => {
    const w = await zoned();
    await w.receive(w.items.plain.sku, 4, w.z1.code);
    await w.receive(w.items.plain.sku, 9, w.bins.a1.code); // outside the zone
    const count = await startCount(db, admin, { location: w.zone.code.toLowerCase() });
    expect(count).toMatchObject({ site: w.site.code, location: w.zone.code, status: "open", startedBy: "system", bins: [w.z1.code, w.z2.code] });
    expect(count.lines).toEqual([
      { location: w.z1.code, sku: w.items.plain.sku, name: "Item PLAIN", lot: null, expected: 4, counted: 0, difference: -4 },
    ]);
    expect(count.missing).toHaveLength(1);
    const bin = await startCount(db, admin, { location: w.bins.a2.code });
    expect(bin.bins).toEqual([w.bins.a2.code]);
    expect(await db.auditEntry.count({ where: { action: "count.start", entityId: count.id } })).toBe(1);
  });

  it("refuses a second open count of the same location, naming the open one, even when both start at once", async () => {
    const w = await zoned();
    const outcomes = await Promise.allSettled([startCount(db, admin, { location: w.z1.code }), startCount(db, admin, { location: w.z1.code })]);
    const started = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const openId = (started[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "count_already_open", details: { countId: openId } });
    expect((refused[0] as PromiseRejectedResult).reason.message).toContain(openId);
    await cancelCount(db, admin, openId);
    await expect(startCount(db, admin, { location: w.z1.code })).resolves.toMatchObject({ status: "open" });
  });

  it("refuses unknown or virtual locations and forbids a clerk of another site", async () => {
    const w = await zoned();
    await expect(startCount(db, admin, { location: "NOWHERE" })).rejects.toMatchObject({ issues: [{ field: "location" }] });
    await expect(startCount(db, admin, { location: `${w.site.code}-CUSTOMER` })).rejects.toMatchObject({ issues: [{ field: "location" }] });
    const clerk = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    await expect(startCount(db, clerk.actor, { location: w.z1.code })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("addCountScans", () => {
  it("adds scans up per bin, item and lot, and counts a serial once however often it is scanned", async () => {
    const w = await zoned();
    await w.receive(w.items.serialised.sku, 2, w.z1.code, { serials: ["S1", "S2"] });
    await w.receive(w.items.lotted.sku, 5, w.z2.code, { lot: "L1", expiresAt: "2027-01-31" });
    const count = await startCount(db, admin, { location: w.zone.code });
    await addCountScans(db, admin, count.id, [
      { location: w.z1.code, sku: w.items.serialised.sku, serial: "S1" },
      { location: w.z1.code, sku: w.items.serialised.sku, serial: "S1", source: "rfid" },
      { location: w.z2.code, sku: w.items.lotted.sku, lot: "L1", quantity: 3 },
    ]);
    const view = await addCountScans(db, admin, count.id, [
      { location: w.z1.code, sku: w.items.serialised.sku, serial: "S1", source: "rfid" },
      { location: w.z2.code, sku: w.items.lotted.sku, lot: "L1", quantity: 2, source: "manual" },
    ]);
    expect(view.lines.map((l) => [l.location, l.lot, l.expected, l.counted])).toEqual([
      [w.z1.code, null, 2, 1],
      [w.z2.code, "L1", 5, 5],
    ]);
    expect(await db.countScan.count({ where: { sessionId: count.id } })).toBe(3);
  });

  it("refuses scans outside the counted location, unknown SKUs, lot items without a lot, all or none", async () => {
    const w = await zoned();
    const count = await startCount(db, admin, { location: w.zone.code });
    const scan = (bad: object) =>
      addCountScans(db, admin, count.id, [
        { location: w.z1.code, sku: w.items.plain.sku },
        { location: w.z1.code, sku: w.items.plain.sku, ...bad },
      ]);
    await expect(scan({ location: w.bins.a1.code })).rejects.toMatchObject({ issues: [{ field: "scans.1.location" }] });
    await expect(scan({ sku: "NOPE" })).rejects.toMatchObject({ issues: [{ field: "scans.1.sku" }] });
    await expect(scan({ sku: w.items.lotted.sku })).rejects.toMatchObject({ issues: [{ field: "scans.1.lot" }] });
    await expect(scan({ quantity: 0 })).rejects.toMatchObject({ issues: [{ field: "scans.1.quantity" }] });
    expect(await db.countScan.count({ where: { sessionId: count.id } })).toBe(0);
  });

  it("refuses scans on a closed count and forbids a clerk of another site", async () => {
    const w = await zoned();
    const count = await startCount(db, admin, { location: w.z1.code });
    const clerk = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    await expect(addCountScans(db, clerk.actor, count.id, [{ location: w.z1.code, sku: w.items.plain.sku }])).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getCount(db, clerk.actor, count.id)).rejects.toMatchObject({ code: "forbidden" });
    await cancelCount(db, admin, count.id);
    await expect(addCountScans(db, admin, count.id, [{ location: w.z1.code, sku: w.items.plain.sku }])).rejects.toMatchObject({
      code: "count_not_open",
    });
    await expect(cancelCount(db, admin, count.id)).rejects.toMatchObject({ code: "count_not_open" });
  });
});

describe("listCounts", () => {
  it("lists counts at the actor's sites with the units scanned", async () => {
    const w = await zoned();
    const count = await startCount(db, admin, { location: w.z1.code });
    await addCountScans(db, admin, count.id, [{ location: w.z1.code, sku: w.items.plain.sku, quantity: 3 }]);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const outsider = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    expect((await listCounts(db, clerk.actor, { status: "open" })).data).toEqual([
      expect.objectContaining({ id: count.id, site: w.site.code, location: w.z1.code, status: "open", startedBy: "system", scanned: 3 }),
    ]);
    expect((await listCounts(db, outsider.actor)).data).toEqual([]);
    expect((await listCounts(db, clerk.actor, { status: "submitted" })).data).toEqual([]);
    expect(await onHand(db, w.items.plain.id, w.z1.id)).toBe(0);
  });
});
