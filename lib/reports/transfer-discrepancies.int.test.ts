// The transfer-discrepancies report on one transfer worked out by hand: plain ×8 (5 good, 1 damaged, 2 never came)
// and lotted ×6 (7 arrived: one over), beside a transfer that arrived exactly as shipped.
import { describe, expect, it } from "vitest";
import { buildApiKey, buildSite } from "../../tests/factories/access";
import { buildTwoSites } from "../../tests/factories/transfers";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { createTransfer } from "../transfers/create-transfer";
import { receiveTransfer } from "../transfers/receive-transfer";
import { shipTransfer } from "../transfers/ship-transfer";
import { runReport } from "./run-report";

const db = getDb();
const today = new Date().toISOString().slice(0, 10);
const admin = SYSTEM_ACTOR;

describe("transfer discrepancies report", () => {
  it("lists the lines that arrived damaged, short or over, at either end's site, and leaves clean transfers out", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const [to1, to2] = [destination.bins.a1.code, destination.bins.a2.code];
    const odd = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      reference: "TR-ODD",
      lines: [
        { sku: items.plain.sku, quantity: 8 },
        { sku: items.lotted.sku, quantity: 6 },
      ],
    });
    await shipTransfer(db, admin, odd.id);
    await receiveTransfer(db, admin, odd.id, { lines: [{ sku: items.plain.sku, quantity: 3, to: to1, damaged: 1 }] });
    await receiveTransfer(db, admin, odd.id, {
      lines: [
        { sku: items.plain.sku, quantity: 2, to: to1 },
        { sku: items.lotted.sku, quantity: 5, lot: "SOON", to: to2 },
        { sku: items.lotted.sku, quantity: 2, lot: "LATE", to: to2 },
      ],
      close: true,
    });
    const clean = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 1 }],
    });
    await shipTransfer(db, admin, clean.id);
    await receiveTransfer(db, admin, clean.id, { lines: [{ sku: items.plain.sku, quantity: 1, to: to1 }], close: true });

    const row = {
      transfer: odd.id,
      reference: "TR-ODD",
      fromSite: source.site.code,
      toSite: destination.site.code,
      status: "closed",
      lastReceivedAt: today,
    };
    const expected = [
      { ...row, lineNo: 1, sku: items.plain.sku, shipped: 8, received: 5, damaged: 1, short: 2, over: 0 },
      { ...row, lineNo: 2, sku: items.lotted.sku, shipped: 6, received: 7, damaged: 0, short: 0, over: 1 },
    ];
    const period = { from: today, to: today };
    expect((await runReport(db, admin, "transfer-discrepancies", { ...period, site: destination.site.code })).data).toEqual(expected);
    expect((await runReport(db, admin, "transfer-discrepancies", { ...period, site: source.site.code })).data).toEqual(expected);

    const stranger = await buildApiKey(db, "manager", [(await buildSite(db)).code]);
    expect((await runReport(db, stranger.actor, "transfer-discrepancies", period)).data).toEqual([]);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await runReport(db, admin, "transfer-discrepancies", { from: yesterday, to: yesterday })).data).toEqual([]);
  });
});
