import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { relayAll } from "../../tests/factories/events";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { postMovement } from "../ledger/post-movement";
import { workZoneCode } from "../locations/create-site";
import { afterEventsWritten } from "../system/after-events-written";
import { setThresholds } from "../thresholds/set-thresholds";
import { acknowledgeAlert } from "./acknowledge-alert";
import { checkItemAlerts } from "./check-stock-alerts";
import { countActiveAlerts, listAlerts } from "./list-alerts";
import { checkCountAlerts, checkLotAlerts, checkQuarantineAlerts } from "./scan-aged-alerts";

const db = getDb();
const admin = SYSTEM_ACTOR;
const relay = () => relayAll(db, afterEventsWritten);

type Warehouse = Awaited<ReturnType<typeof buildWarehouse>>;

async function thresholds(w: Warehouse, itemId: string, values: { reorderPoint?: number; maxQty?: number }, site: "site" | "default" = "site") {
  await db.stockThreshold.create({ data: { itemId, siteId: site === "site" ? w.site.id : null, updatedBy: "test", ...values } });
}

const receive = (w: Warehouse, sku: string, quantity: number, to = w.bins.a1.code, extra: object = {}) =>
  postMovement(db, admin, { kind: "receive", sku, quantity, to, reason: "received", ...extra });
const issue = (w: Warehouse, sku: string, quantity: number, from = w.bins.a1.code) =>
  postMovement(db, admin, { kind: "issue", sku, quantity, from, reason: "sold" });

async function alertsOf(itemId: string, kind?: string) {
  return db.alert.findMany({ where: { itemId, ...(kind ? { kind: kind as never } : {}) }, orderBy: { raisedAt: "asc" } });
}

describe("stock alerts raised by movements", () => {
  it("opens one low_stock alert when available falls to the reorder point, resolves it on restock, opens a new one on the next fall", async () => {
    const w = await buildWarehouse(db);
    const { plain } = w.items;
    await thresholds(w, plain.id, { reorderPoint: 5 });
    await receive(w, plain.sku, 10);
    await relay();
    expect(await alertsOf(plain.id)).toEqual([]);

    await issue(w, plain.sku, 6);
    await relay();
    const [first] = await alertsOf(plain.id, "low_stock");
    expect(first).toMatchObject({ state: "open", detail: { available: 4, onHand: 4, reorderPoint: 5 } });

    await issue(w, plain.sku, 1);
    await relay();
    const still = await alertsOf(plain.id, "low_stock");
    expect(still).toHaveLength(1);
    expect(still[0].detail).toMatchObject({ available: 3 }); // the figures follow, the alert stays one

    await receive(w, plain.sku, 10);
    await relay();
    expect((await alertsOf(plain.id, "low_stock"))[0]).toMatchObject({ id: first.id, state: "resolved" });

    await issue(w, plain.sku, 9);
    await relay();
    const after = await alertsOf(plain.id, "low_stock");
    expect(after.map((a) => a.state)).toEqual(["resolved", "open"]);
    expect(after[1].id).not.toBe(first.id);
  });

  it("50 concurrent issues that cross one reorder point, relayed while they run, leave one open low_stock alert", async () => {
    const w = await buildWarehouse(db);
    const { plain } = w.items;
    await thresholds(w, plain.id, { reorderPoint: 20 });
    await receive(w, plain.sku, 60);
    await relay();
    await Promise.all([...Array.from({ length: 50 }, () => issue(w, plain.sku, 1)), ...Array.from({ length: 5 }, () => relay())]);
    await relay();
    const alerts = await alertsOf(plain.id, "low_stock");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "open", detail: { available: 10 } });
  });

  it("checks racing in separate transactions cannot open a condition twice (the open-condition index)", async () => {
    const w = await buildWarehouse(db);
    const { plain } = w.items;
    await thresholds(w, plain.id, { reorderPoint: 3 });
    const pair = { itemId: plain.id, siteId: w.site.id };
    const results = await Promise.all(Array.from({ length: 20 }, () => unitOfWork(db, (tx) => checkItemAlerts(tx, [pair]))));
    // none available with a reorder point: low stock and a stockout, each once
    expect(results.flatMap((r) => r.raised)).toHaveLength(2);
    expect(await alertsOf(plain.id, "low_stock")).toHaveLength(1);
    expect(await alertsOf(plain.id, "stockout")).toHaveLength(1);
  });

  it("takes the item-wide default where the site has no threshold of its own, and the site's where it has one", async () => {
    const w = await buildWarehouse(db);
    const { plain, solvent } = w.items;
    await thresholds(w, plain.id, { reorderPoint: 8 }, "default");
    await thresholds(w, solvent.id, { reorderPoint: 8 }, "default");
    await thresholds(w, solvent.id, { reorderPoint: 2 }, "site");
    await receive(w, plain.sku, 5);
    await receive(w, solvent.sku, 5, w.bins.cage.code);
    await relay();
    expect(await alertsOf(plain.id, "low_stock")).toHaveLength(1);
    expect(await alertsOf(solvent.id, "low_stock")).toHaveLength(0);
  });

  it("a threshold set through the API raises and clears alerts at once, the item-wide default at the sites that carry the item", async () => {
    const w = await buildWarehouse(db);
    await buildWarehouse(db); // a site that never stocked the item: no alert there
    const { plain } = w.items;
    await receive(w, plain.sku, 4);
    await relay();
    await setThresholds(db, admin, plain.sku, { reorderPoint: 6 });
    await relay();
    expect(await alertsOf(plain.id, "low_stock")).toMatchObject([{ state: "open", siteId: w.site.id, detail: { available: 4, reorderPoint: 6 } }]);
    await setThresholds(db, admin, plain.sku, { site: w.site.code, reorderPoint: 2 });
    await relay();
    expect(await alertsOf(plain.id, "low_stock")).toMatchObject([{ state: "resolved" }]);
  });

  it("stockout needs demand: none available with a reorder point or an open demand is a stockout; an item nobody wants is not", async () => {
    const w = await buildWarehouse(db);
    const { plain, solvent } = w.items;
    await receive(w, plain.sku, 3);
    await receive(w, solvent.sku, 3, w.bins.cage.code);
    await issue(w, plain.sku, 3); // sold to a customer: demand
    await postMovement(db, admin, { kind: "scrap", sku: solvent.sku, quantity: 3, from: w.bins.cage.code, reason: "scrapped" }); // not demand
    await relay();
    expect(await alertsOf(plain.id, "stockout")).toMatchObject([{ state: "open", detail: { available: 0 } }]);
    expect(await alertsOf(solvent.id, "stockout")).toHaveLength(0);
    await receive(w, plain.sku, 1);
    await relay();
    expect(await alertsOf(plain.id, "stockout")).toMatchObject([{ state: "resolved" }]);
  });

  it("overstock when on hand passes the maximum; a bin over its capacity", async () => {
    const w = await buildWarehouse(db);
    const { plain } = w.items;
    await thresholds(w, plain.id, { maxQty: 10 });
    await db.location.update({ where: { id: w.bins.a2.id }, data: { capacityUnits: 8 } });
    await receive(w, plain.sku, 6);
    await receive(w, plain.sku, 6, w.bins.a2.code);
    await relay();
    expect(await alertsOf(plain.id, "overstock")).toMatchObject([{ state: "open", detail: { onHand: 12, max: 10 } }]);
    expect(await db.alert.findMany({ where: { locationId: w.bins.a2.id } })).toEqual([]);
    await receive(w, plain.sku, 3, w.bins.a2.code);
    await relay();
    expect(await db.alert.findMany({ where: { locationId: w.bins.a2.id } })).toMatchObject([
      { kind: "bin_over_capacity", state: "open", detail: { onHand: 9, capacity: 8 } },
    ]);
    await issue(w, plain.sku, 2, w.bins.a2.code);
    await relay();
    expect(await db.alert.findMany({ where: { locationId: w.bins.a2.id } })).toMatchObject([{ state: "resolved" }]);
    // Over again, then the bin's capacity is taken away: its next change resolves the open alert.
    await receive(w, plain.sku, 3, w.bins.a2.code);
    await relay();
    await db.location.update({ where: { id: w.bins.a2.id }, data: { capacityUnits: null } });
    await issue(w, plain.sku, 1, w.bins.a2.code);
    await relay();
    expect(await db.alert.findMany({ where: { locationId: w.bins.a2.id }, orderBy: { raisedAt: "asc" } })).toMatchObject([
      { state: "resolved" },
      { state: "resolved", detail: { onHand: 10, capacity: 8 } },
    ]);
  });

  it("announces raised and resolved alerts as events", async () => {
    const w = await buildWarehouse(db);
    const { plain } = w.items;
    await thresholds(w, plain.id, { reorderPoint: 1 });
    await receive(w, plain.sku, 1);
    await relay();
    await receive(w, plain.sku, 5);
    await relay();
    const events = await db.event.findMany({ where: { type: { startsWith: "alert." }, siteId: w.site.id }, orderBy: { position: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["alert.raised", "alert.resolved"]);
    expect(events[0].data).toMatchObject({ kind: "low_stock", sku: plain.sku, site: w.site.code, state: "open" });
  });
});

describe("alerts that time raises", () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it("a lot with stock expiring within the site's horizon, then expired; none once its stock is gone", async () => {
    const w = await buildWarehouse(db);
    const { lotted } = w.items;
    await receive(w, lotted.sku, 4, w.bins.a1.code, { lot: "SOON", expiresAt: inDays(10) });
    await receive(w, lotted.sku, 4, w.bins.a1.code, { lot: "LATER", expiresAt: inDays(90) });
    await relay(); // a stock change checks its lot at once
    expect(await alertsOf(lotted.id)).toMatchObject([{ kind: "expiring", state: "open", detail: { daysLeft: 10, onHand: 4 } }]);

    await db.lot.updateMany({ where: { itemId: lotted.id, number: "SOON" }, data: { expiresOn: new Date(inDays(-1)) } });
    await unitOfWork(db, (tx) => checkLotAlerts(tx, "all"));
    expect((await alertsOf(lotted.id)).map((a) => [a.kind, a.state])).toEqual([
      ["expiring", "resolved"],
      ["expired", "open"],
    ]);
    await postMovement(db, admin, { kind: "scrap", sku: lotted.sku, quantity: 4, from: w.bins.a1.code, lot: "SOON", reason: "expired" });
    await relay();
    expect((await alertsOf(lotted.id, "expired"))[0].state).toBe("resolved");
  });

  it("stock in quarantine longer than the site allows; a site with bins not counted within its cycle", async () => {
    const w = await buildWarehouse(db);
    const { plain } = w.items;
    const quarantine = workZoneCode(w.site.code, "quarantine");
    const posted = await receive(w, plain.sku, 2, quarantine);
    await receive(w, plain.sku, 5);
    await unitOfWork(db, (tx) => checkQuarantineAlerts(tx));
    expect(await alertsOf(plain.id, "quarantine_aged")).toEqual([]);
    await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
      db.$executeRaw`UPDATE "StockMovement" SET at = at - interval '20 days' WHERE "postingId" = ${posted.postingId}::uuid`,
    ]);
    await unitOfWork(db, (tx) => checkQuarantineAlerts(tx));
    expect(await alertsOf(plain.id, "quarantine_aged")).toMatchObject([{ state: "open", detail: { onHand: 2, days: 20 } }]);

    await db.location.update({ where: { id: w.bins.a1.id }, data: { createdAt: new Date(Date.now() - 100 * 86_400_000) } });
    await unitOfWork(db, (tx) => checkCountAlerts(tx));
    const [overdue] = await db.alert.findMany({ where: { kind: "count_overdue", siteId: w.site.id } });
    expect(overdue).toMatchObject({ state: "open", detail: { bins: 1, cycleDays: 90, locations: [w.bins.a1.code] } });
    await db.countSession.create({
      data: { siteId: w.site.id, locationId: w.bins.a1.id, status: "submitted", startedByLabel: "test", closedAt: new Date() },
    });
    await unitOfWork(db, (tx) => checkCountAlerts(tx));
    expect(await db.alert.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ state: "resolved" });
  });
});

describe("reading and acknowledging alerts", () => {
  it("lists active alerts of the caller's sites, counts them, and acknowledges; a resolved one is 409, another site's 404", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const { plain } = w.items;
    await thresholds(w, plain.id, { reorderPoint: 5 });
    await thresholds(other, other.items.plain.id, { reorderPoint: 5 });
    await receive(w, plain.sku, 2);
    await receive(other, other.items.plain.sku, 2);
    await relay();
    const user = await db.user.create({ data: { email: `clerk-${w.site.code.toLowerCase()}@example.com`, name: "Casey Clerk", role: "clerk" } });
    const clerk: Actor = { type: "user", id: user.id, label: user.name, role: "clerk", sites: [w.site.id] };
    const listed = await listAlerts(db, clerk, {});
    expect(listed.data.map((a) => [a.kind, a.sku, a.site])).toEqual([["low_stock", plain.sku, w.site.code]]);
    expect(await countActiveAlerts(db, clerk)).toEqual({ total: 1, open: 1, byKind: { low_stock: 1 } });

    const acknowledged = await acknowledgeAlert(db, clerk, listed.data[0].id, { note: "PO on its way" });
    expect(acknowledged).toMatchObject({ state: "acknowledged", acknowledgeNote: "PO on its way" });
    expect(await countActiveAlerts(db, clerk)).toEqual({ total: 1, open: 0, byKind: { low_stock: 1 } });

    const [otherAlert] = await alertsOf(other.items.plain.id, "low_stock");
    await expect(acknowledgeAlert(db, clerk, otherAlert.id, {})).rejects.toMatchObject({ code: "not_found" });
    const viewer: Actor = { ...clerk, role: "viewer" };
    await expect(acknowledgeAlert(db, viewer, listed.data[0].id, {})).rejects.toMatchObject({ code: "forbidden" });

    await receive(w, plain.sku, 10);
    await relay();
    await expect(acknowledgeAlert(db, clerk, listed.data[0].id, {})).rejects.toMatchObject({ code: "alert_resolved" });
    expect((await listAlerts(db, clerk, { state: "resolved" })).data).toMatchObject([{ id: listed.data[0].id, acknowledgedBy: "Casey Clerk" }]);
  });
});
