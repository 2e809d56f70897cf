// The shrinkage and slow/dead-stock reports on movements worked out by hand (all posted today: the ledger's clock
// cannot be moved, so the period is the 30 days up to today).
import { describe, expect, it } from "vitest";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { buildApiKey } from "../../tests/factories/access";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { Forbidden } from "../domain-error";
import { postMovement } from "../ledger/post-movement";
import { reverseMovement } from "../ledger/reverse-movement";
import { readEveryPage } from "../../tests/factories/report-pages";
import { deadStockReport } from "./dead-stock";
import { runReport } from "./run-report";

const db = getDb();
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const period = { from: daysAgo(29), to: today }; // 30 days

async function buildDataSet() {
  const w = await buildWarehouse(db);
  const elsewhere = await buildWarehouse(db);
  const move = (input: Record<string, unknown>) => postMovement(db, SYSTEM_ACTOR, input as Parameters<typeof postMovement>[2]);
  const { plain, lotted } = w.items;
  const a1 = w.bins.a1.code;
  // plain: 50 in; lost 5, damaged 3 (then reversed), scrapped 2, 1 found again; 4 sold → 40 on hand.
  await move({ kind: "receive", sku: plain.sku, quantity: 50, to: a1, reason: "received" });
  await move({ kind: "loss", sku: plain.sku, quantity: 5, from: a1, reason: "lost" });
  const damage = await move({ kind: "damage", sku: plain.sku, quantity: 3, from: a1, reason: "damaged" });
  await reverseMovement(db, SYSTEM_ACTOR, String(damage.movements[0].id));
  await move({ kind: "scrap", sku: plain.sku, quantity: 2, from: a1, reason: "scrapped" });
  await move({ kind: "found", sku: plain.sku, quantity: 1, to: a1, reason: "found" });
  await move({ kind: "issue", sku: plain.sku, quantity: 4, from: a1, reason: "sold" });
  // lotted: 10 in, nothing out → dead.
  await move({ kind: "receive", sku: lotted.sku, quantity: 10, to: w.bins.a2.code, reason: "received", lot: "L1", expiresAt: "2031-01-01" });
  // brisk: 10 in, 9 sold, one sale reversed → 8 issued, 2 on hand: 2 × 30 / 8 = 7.5 → 8 days: neither slow nor dead.
  const brisk = await buildItem(db);
  await move({ kind: "receive", sku: brisk.sku, quantity: 10, to: a1, reason: "received" });
  await move({ kind: "issue", sku: brisk.sku, quantity: 8, from: a1, reason: "sold" });
  const mistake = await move({ kind: "issue", sku: brisk.sku, quantity: 1, from: a1, reason: "sold" });
  await reverseMovement(db, SYSTEM_ACTOR, String(mistake.movements[0].id));
  // Another site: 4 lost there.
  await move({ kind: "receive", sku: elsewhere.items.plain.sku, quantity: 6, to: elsewhere.bins.a1.code, reason: "received" });
  await move({ kind: "loss", sku: elsewhere.items.plain.sku, quantity: 4, from: elsewhere.bins.a1.code, reason: "lost" });
  return { w, elsewhere, brisk };
}

describe("shrinkage and slow/dead-stock reports", () => {
  it("shrinkage: per site and reason, units out less units back; a reversal cancels under its reason", async () => {
    const { w, elsewhere } = await buildDataSet();
    const answer = await runReport(db, SYSTEM_ACTOR, "shrinkage", { ...period, site: w.site.code });
    expect(answer.data).toEqual([
      { site: w.site.code, reason: "damaged", reasonLabel: expect.any(String), movements: 2, unitsOut: 3, unitsBack: 3, netUnits: 0 },
      { site: w.site.code, reason: "found", reasonLabel: expect.any(String), movements: 1, unitsOut: 0, unitsBack: 1, netUnits: -1 },
      { site: w.site.code, reason: "lost", reasonLabel: expect.any(String), movements: 1, unitsOut: 5, unitsBack: 0, netUnits: 5 },
      { site: w.site.code, reason: "scrapped", reasonLabel: expect.any(String), movements: 1, unitsOut: 2, unitsBack: 0, netUnits: 2 },
    ]);
    const there = await runReport(db, SYSTEM_ACTOR, "shrinkage", { ...period, site: elsewhere.site.code });
    expect(there.data).toEqual([expect.objectContaining({ reason: "lost", unitsOut: 4, netUnits: 4 })]);
    // A period that ended yesterday holds none of it.
    expect((await runReport(db, SYSTEM_ACTOR, "shrinkage", { from: daysAgo(10), to: daysAgo(1), site: w.site.code })).data).toEqual([]);
    // A loss recorded today that happened five days ago counts on its day, not today.
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "loss",
      sku: w.items.plain.sku,
      quantity: 1,
      from: w.bins.a1.code,
      reason: "lost",
      occurredAt: `${daysAgo(5)}T12:00:00Z`,
    });
    expect((await runReport(db, SYSTEM_ACTOR, "shrinkage", { from: daysAgo(10), to: daysAgo(1), site: w.site.code })).data).toEqual([
      expect.objectContaining({ reason: "lost", movements: 1, unitsOut: 1, netUnits: 1 }),
    ]);
    expect((await runReport(db, SYSTEM_ACTOR, "shrinkage", { from: today, to: today, site: w.site.code })).data).toContainEqual(
      expect.objectContaining({ reason: "lost", movements: 1, unitsOut: 5 }),
    );
  });

  it("slow and dead stock: nothing issued is dead, stock lasting beyond the limit is slow, a brisk item is left out", async () => {
    const { w, brisk } = await buildDataSet();
    const answer = await runReport(db, SYSTEM_ACTOR, "dead-stock", { ...period, site: w.site.code });
    expect(answer.data).toEqual([
      {
        status: "dead",
        sku: w.items.lotted.sku,
        name: expect.any(String),
        site: w.site.code,
        onHand: 10,
        issued: 0,
        coverageDays: null,
        lastIssuedAt: null,
      },
      // 40 on hand at 4 per 30 days lasts 300 days > 180.
      {
        status: "slow",
        sku: w.items.plain.sku,
        name: expect.any(String),
        site: w.site.code,
        onHand: 40,
        issued: 4,
        coverageDays: 300,
        lastIssuedAt: today,
      },
    ]);
    expect(answer.data.map((row) => row.sku)).not.toContain(brisk.sku);
    // With a limit of 5 days, the brisk item's 8 days make it slow too.
    const strict = await runReport(db, SYSTEM_ACTOR, "dead-stock", { ...period, site: w.site.code, slowAfterDays: "5" });
    expect(strict.data).toContainEqual(expect.objectContaining({ status: "slow", sku: brisk.sku, onHand: 2, issued: 8, coverageDays: 8 }));
    // A line at a time through the cursor, as the report streams: the same lines in the same order, dead first.
    const query = { ...period, site: w.site.code, slowAfterDays: "5" };
    expect(strict.data.length).toBeGreaterThan(2);
    expect((await readEveryPage(db, SYSTEM_ACTOR, "dead-stock", query, 1)).flat()).toEqual(strict.data);
    expect(await deadStockReport.streamed!.count(db, SYSTEM_ACTOR, deadStockReport.filters.parse(query), [w.site.id])).toBe(strict.data.length);
  });

  it("a manager of another site is refused the site; without a site, only the manager's own sites' rows come back", async () => {
    const { w, elsewhere } = await buildDataSet();
    const manager = await buildApiKey(db, "manager", [elsewhere.site.code]);
    await expect(runReport(db, manager.actor, "shrinkage", { ...period, site: w.site.code })).rejects.toBeInstanceOf(Forbidden);
    const own = await runReport(db, manager.actor, "shrinkage", period);
    expect(new Set(own.data.map((row) => row.site))).toEqual(new Set([elsewhere.site.code]));
  });
});
