// The count-accuracy report on two counts worked out by hand: one that found what the books said, one with three
// lines off (a lot counted one up, a lot not found, an item found where the books had none).
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { cancelCount } from "../counting/cancel-count";
import { startCount } from "../counting/start-count";
import { submitCount } from "../counting/submit-count";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { runReport } from "./run-report";

const db = getDb();
const admin = SYSTEM_ACTOR;
const today = new Date().toISOString().slice(0, 10);

describe("count accuracy report", () => {
  it("counts lines, lines with a difference and the units corrected, per site, over submitted counts only", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const { plain, lotted } = w.items;
    const [a1, a2] = [w.bins.a1.code, w.bins.a2.code];
    const receive = (input: Record<string, unknown>) =>
      postMovement(db, admin, { kind: "receive", reason: "received", ...input } as Parameters<typeof postMovement>[2]);
    await receive({ sku: plain.sku, quantity: 10, to: a1 });
    await receive({ sku: lotted.sku, quantity: 5, to: a2, lot: "L1", expiresAt: "2031-01-01" });
    await receive({ sku: lotted.sku, quantity: 3, to: a2, lot: "L2", expiresAt: "2031-06-01" });
    await receive({ sku: other.items.plain.sku, quantity: 4, to: other.bins.a1.code });

    const exact = await startCount(db, admin, { location: a1 });
    await submitCount(db, admin, exact.id, { scans: [{ location: a1, sku: plain.sku, quantity: 10 }] });
    const off = await startCount(db, admin, { location: a2 });
    await submitCount(db, admin, off.id, {
      scans: [
        { location: a2, sku: lotted.sku, lot: "L1", quantity: 6 }, // one up
        { location: a2, sku: plain.sku, quantity: 2 }, // none on the books: two up
      ], // L2 not found: three down
    });
    const abandoned = await startCount(db, admin, { location: a1 });
    await cancelCount(db, admin, abandoned.id);
    const elsewhere = await startCount(db, admin, { location: other.bins.a1.code });
    await submitCount(db, admin, elsewhere.id, { scans: [{ location: other.bins.a1.code, sku: other.items.plain.sku, quantity: 3 }] });

    const period = { from: today, to: today };
    expect((await runReport(db, admin, "count-accuracy", { ...period, site: w.site.code })).data).toEqual([
      { site: w.site.code, counts: 2, lines: 4, linesWithDifference: 3, accuracy: 0.25, unitsUp: 3, unitsDown: 3, netUnits: 0 },
    ]);
    expect((await runReport(db, admin, "count-accuracy", { ...period, site: other.site.code })).data).toEqual([
      { site: other.site.code, counts: 1, lines: 1, linesWithDifference: 1, accuracy: 0, unitsUp: 0, unitsDown: 1, netUnits: -1 },
    ]);
  });
});
