import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { generateRackBins } from "../maps/generate-rack-bins";
import { saveSiteMap } from "../maps/save-site-map";
import { buildWalkingGraph } from "../routing/build-walking-graph";
import { planPickRoute } from "../routing/plan-pick-route";
import { cancelPickList } from "./cancel-pick-list";
import { createPickList } from "./create-pick-list";
import { getPickList } from "./get-pick-list";
import { listPickLists } from "./list-pick-lists";

const db = getDb();
const admin = SYSTEM_ACTOR;

async function stocked() {
  const w = await buildWarehouse(db);
  const receive = (sku: string, quantity: number, to: string, extra: object = {}) =>
    postMovement(db, admin, { kind: "receive", sku, quantity, to, reason: "received", ...extra });
  return { ...w, receive };
}

const lineSummary = (view: { lines: { lineNo: number; from: string; lot: string | null; quantity: number }[] }) =>
  view.lines.map((l) => [l.lineNo, l.from, l.lot, l.quantity]);

describe("createPickList", () => {
  it("plans a line from the bin holding most and splits it when one bin is not enough", async () => {
    const w = await stocked();
    await w.receive(w.items.plain.sku, 3, w.bins.a1.code);
    await w.receive(w.items.plain.sku, 5, w.bins.a2.code);
    const list = await createPickList(db, admin, { site: w.site.code, reference: "SO-1", lines: [{ sku: w.items.plain.sku, quantity: 7 }] });
    expect(list).toMatchObject({ site: w.site.code, reference: "SO-1", status: "open", createdBy: "system" });
    expect(lineSummary(list)).toEqual([
      [1, w.bins.a2.code, null, 5],
      [2, w.bins.a1.code, null, 2],
    ]);
    expect(list.lines[0]).toMatchObject({ sku: w.items.plain.sku, name: "Item PLAIN", gtin: null, tracking: "none", picked: 0, remaining: 5 });
    expect(await db.auditEntry.count({ where: { action: "pickList.create", entityId: list.id } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { type: "pickList.created", aggregateId: list.id } })).toBe(1);
  });

  it("plans lot-tracked items first-expiring-first and keeps a named bin and lot", async () => {
    const w = await stocked();
    await w.receive(w.items.lotted.sku, 10, w.bins.a1.code, { lot: "LATE", expiresAt: "2028-01-01" });
    await w.receive(w.items.lotted.sku, 2, w.bins.a2.code, { lot: "EARLY", expiresAt: "2027-01-01" });
    const fefo = await createPickList(db, admin, { site: w.site.code, reference: "SO-2", lines: [{ sku: w.items.lotted.sku, quantity: 4 }] });
    expect(lineSummary(fefo)).toEqual([
      [1, w.bins.a2.code, "EARLY", 2],
      [2, w.bins.a1.code, "LATE", 2],
    ]);
    const named = await createPickList(db, admin, {
      site: w.site.code,
      reference: "SO-3",
      lines: [{ sku: w.items.lotted.sku, quantity: 3, lot: "LATE", from: w.bins.a1.code.toLowerCase() }],
    });
    expect(lineSummary(named)).toEqual([[1, w.bins.a1.code, "LATE", 3]]);
  });

  it("refuses a line the site cannot fill, naming its quantity, and does not count stock twice across lines", async () => {
    const w = await stocked();
    await w.receive(w.items.plain.sku, 5, w.bins.a1.code);
    const attempt = (lines: { sku: string; quantity: number; from?: string }[]) =>
      createPickList(db, admin, { site: w.site.code, reference: "SO-X", lines });
    await expect(attempt([{ sku: w.items.plain.sku, quantity: 6 }])).rejects.toMatchObject({
      code: "not_enough_to_pick",
      details: { line: 0, requested: 6, available: 5, issues: [{ field: "lines.0.quantity" }] },
    });
    await expect(
      attempt([
        { sku: w.items.plain.sku, quantity: 4 },
        { sku: w.items.plain.sku, quantity: 2 },
      ]),
    ).rejects.toMatchObject({
      code: "not_enough_to_pick",
      details: { line: 1, available: 1, issues: [{ field: "lines.1.quantity" }] },
    });
    await expect(attempt([{ sku: w.items.plain.sku, quantity: 1, from: w.bins.a2.code }])).rejects.toMatchObject({
      details: { issues: [{ field: "lines.0.quantity" }] },
    });
    expect(await db.pickList.count({ where: { siteId: w.site.id } })).toBe(0);
  });

  it("plans two items held in the same bin each from its own stock", async () => {
    const w = await stocked();
    const other = await buildItem(db);
    await w.receive(w.items.plain.sku, 5, w.bins.a1.code);
    await w.receive(other.sku, 3, w.bins.a1.code);
    const list = await createPickList(db, admin, {
      site: w.site.code,
      reference: "SO-SHARED",
      lines: [
        { sku: w.items.plain.sku, quantity: 5 },
        { sku: other.sku, quantity: 3 },
      ],
    });
    expect(list.lines.map((l) => [l.sku, l.from, l.quantity])).toEqual([
      [w.items.plain.sku, w.bins.a1.code, 5],
      [other.sku, w.bins.a1.code, 3],
    ]);
  });

  it("refuses unknown items, bins of another site and lots of untracked items, on the line's field", async () => {
    const w = await stocked();
    const other = await buildWarehouse(db);
    const attempt = (line: object) => createPickList(db, admin, { site: w.site.code, reference: "SO-Y", lines: [line as never] });
    await expect(attempt({ sku: "NOPE", quantity: 1 })).rejects.toMatchObject({ code: "validation_failed", issues: [{ field: "lines.0.sku" }] });
    await expect(attempt({ sku: w.items.plain.sku, quantity: 1, from: other.bins.a1.code })).rejects.toMatchObject({
      issues: [{ field: "lines.0.from" }],
    });
    await expect(attempt({ sku: w.items.plain.sku, quantity: 1, lot: "L1" })).rejects.toMatchObject({ issues: [{ field: "lines.0.lot" }] });
    await expect(attempt({ sku: w.items.lotted.sku, quantity: 1, lot: "NOSUCH" })).rejects.toMatchObject({ issues: [{ field: "lines.0.lot" }] });
  });

  it("refuses a second list with the same reference at the site", async () => {
    const w = await stocked();
    await w.receive(w.items.plain.sku, 5, w.bins.a1.code);
    const input = { site: w.site.code, reference: "SO-DUP", lines: [{ sku: w.items.plain.sku, quantity: 1 }] };
    await createPickList(db, admin, input);
    await expect(createPickList(db, admin, input)).rejects.toMatchObject({ code: "pick_list_reference_taken" });
  });

  it("forbids a clerk of another site, and lists and shows lists only at the actor's sites", async () => {
    const w = await stocked();
    await w.receive(w.items.plain.sku, 5, w.bins.a1.code);
    const otherSite = await buildSite(db);
    const outsider = await buildUser(db, "clerk", { sites: [otherSite.code] });
    const insider = await buildUser(db, "clerk", { sites: [w.site.code] });
    const input = { site: w.site.code, reference: "SO-AUTH", lines: [{ sku: w.items.plain.sku, quantity: 1 }] };
    await expect(createPickList(db, outsider.actor, input)).rejects.toMatchObject({ code: "forbidden" });
    const list = await createPickList(db, insider.actor, input);
    expect(list.createdBy).toBe(insider.actor.label);
    await expect(getPickList(db, outsider.actor, list.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listPickLists(db, outsider.actor, {})).data).toEqual([]);
    const mine = await listPickLists(db, insider.actor, { status: "open" });
    expect(mine.data).toEqual([
      expect.objectContaining({ id: list.id, site: w.site.code, reference: "SO-AUTH", status: "open", lineCount: 1, pickedLines: 0 }),
    ]);
    expect((await listPickLists(db, insider.actor, { status: "done" })).data).toEqual([]);
    await expect(getPickList(db, insider.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("cancelPickList", () => {
  it("lets a manager cancel an open list once, and not a clerk", async () => {
    const w = await stocked();
    await w.receive(w.items.plain.sku, 5, w.bins.a1.code);
    const list = await createPickList(db, admin, { site: w.site.code, reference: "SO-C", lines: [{ sku: w.items.plain.sku, quantity: 2 }] });
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const manager = await buildUser(db, "manager", { sites: [w.site.code] });
    await expect(cancelPickList(db, clerk.actor, list.id)).rejects.toMatchObject({ code: "forbidden" });
    const cancelled = await cancelPickList(db, manager.actor, list.id);
    expect(cancelled.status).toBe("cancelled");
    await expect(cancelPickList(db, manager.actor, list.id)).rejects.toMatchObject({ code: "pick_list_not_open" });
    expect(await db.auditEntry.count({ where: { action: "pickList.cancel", entityId: list.id } })).toBe(1);
  });
});

/** A stocked warehouse with three aisles of bins (R, S, T; 6 racks of 3 positions each) on its map, dock at the front. */
async function mappedWarehouse() {
  const w = await stocked();
  const root = await db.location.findUniqueOrThrow({ where: { code: w.site.code } });
  const layout = generateRackBins({
    prefix: `${w.site.code}-R`,
    aisles: 3,
    racks: 6,
    levels: 1,
    positions: 3,
    origin: { x: 0, y: 4 },
    binWidth: 1,
    binDepth: 1,
  });
  await db.location.createMany({
    data: layout.bins.map((b) => ({
      siteId: w.site.id,
      parentId: root.id,
      code: b.code,
      name: b.code,
      type: "bin" as const,
      path: `${w.site.code}/${b.code}`,
    })),
  });
  const shapes = [{ id: "dock", kind: "dock" as const, x: 0, y: 0, width: 3, height: 2 }, ...layout.shapes];
  await saveSiteMap(db, admin, w.site.code, { version: 0, width: layout.extent.width, height: layout.extent.height, unit: "m", shapes });
  const bin = (aisle: string, rack: string, position: string) => `${w.site.code}-${aisle}-${rack}-${position}`;
  return { ...w, shapes, bin };
}

describe("createPickList on a mapped site", () => {
  it("numbers the lines in walking order from the dock, shorter than the bin-code order, and lists them as stops", async () => {
    const w = await mappedWarehouse();
    // Front and back of each aisle: in code order the picker walks every aisle from the front, back and forth.
    const codes = [
      w.bin("R", "01", "01"),
      w.bin("R", "06", "03"),
      w.bin("S", "01", "01"),
      w.bin("S", "06", "03"),
      w.bin("T", "01", "01"),
      w.bin("T", "06", "03"),
    ];
    for (const code of codes) await w.receive(w.items.plain.sku, 2, code);
    await w.receive(w.items.lotted.sku, 5, codes[3], { lot: "L1", expiresAt: "2027-01-01" });
    const list = await createPickList(db, admin, {
      site: w.site.code,
      reference: "SO-MAP",
      lines: [...codes.map((from) => ({ sku: w.items.plain.sku, quantity: 1, from })), { sku: w.items.lotted.sku, quantity: 2 }],
    });
    const expected = planPickRoute(buildWalkingGraph(w.shapes), [...codes, codes[3]]);
    expect(list.stops.map((s) => s.location)).toEqual(expected.order.map((i) => [...codes, codes[3]][i]));
    expect(list.stops.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(list.lines.map((l) => [l.lineNo, l.from])).toEqual(list.stops.map((s) => [s.seq, s.location]));
    expect(list.stops.find((s) => s.lot)).toMatchObject({ location: codes[3], sku: w.items.lotted.sku, lot: "L1", quantity: 2 });
    expect(list.stops.filter((s) => !s.lot).every((s) => !("lot" in s))).toBe(true);
    expect(list.routeLength).toBeCloseTo(expected.length, 2);
    expect(list.naiveLength).toBeCloseTo(expected.naiveLength, 2);
    expect(list.routeLength!).toBeLessThan(list.naiveLength!);
    expect((await getPickList(db, admin, list.id)).stops).toEqual(list.stops);
  });

  it("keeps the request's order and answers null lengths at a site without a map, making up a missing reference", async () => {
    const w = await stocked();
    await w.receive(w.items.plain.sku, 5, w.bins.a2.code);
    await w.receive(w.items.lotted.sku, 5, w.bins.a1.code, { lot: "L9", expiresAt: "2027-03-31" });
    const list = await createPickList(db, admin, {
      site: w.site.code,
      lines: [
        { sku: w.items.plain.sku, quantity: 1 },
        { sku: w.items.lotted.sku, quantity: 1 },
      ],
    });
    expect(list.reference).toMatch(/^PL-\d{8}-[0-9A-F]{8}$/);
    expect(list).toMatchObject({ routeLength: null, naiveLength: null });
    expect(list.stops).toEqual([
      { seq: 1, location: w.bins.a2.code, sku: w.items.plain.sku, quantity: 1 },
      { seq: 2, location: w.bins.a1.code, sku: w.items.lotted.sku, lot: "L9", quantity: 1 },
    ]);
  });
});
