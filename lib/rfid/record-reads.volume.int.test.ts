import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { recordReads } from "./record-reads";
import { buildTaggedWarehouse } from "../../tests/factories/tagged-warehouse";

const db = getDb();
const UNITS = 1_000;

describe("recordReads at volume", () => {
  it("moves 1,000 units read in one batch, then takes the same batch again as duplicates", async () => {
    const w = await buildTaggedWarehouse(db, { tagged: UNITS });
    const at = new Date().toISOString();
    const batch = { reads: w.serials.map((serial, i) => ({ epc: w.epcOf(serial), reader: w.reader, antenna: 1 + (i % 4), rssi: -60, at })) };

    let started = performance.now();
    const moved = await recordReads(db, SYSTEM_ACTOR, batch);
    const movesMs = performance.now() - started;
    started = performance.now();
    const repeated = await recordReads(db, SYSTEM_ACTOR, batch);
    const duplicatesMs = performance.now() - started;
    console.log(
      `recordReads, ${UNITS} reads: ${movesMs.toFixed(0)} ms moving ${moved.moved.length} units; ${duplicatesMs.toFixed(0)} ms as duplicates`,
    );

    expect(moved).toMatchObject({ accepted: UNITS, duplicates: 0, notTracked: 0, refused: [] });
    expect(new Set(moved.moved.map((m) => m.serial)).size).toBe(UNITS);
    expect(repeated).toMatchObject({ accepted: 0, duplicates: UNITS, moved: [] });
    expect(await db.serial.count({ where: { itemId: w.items.serialised.id, locationId: w.bins.a2.id } })).toBe(UNITS);
    expect(await db.stockMovement.count({ where: { itemId: w.items.serialised.id, reasonCode: "rfid" } })).toBe(UNITS);
    const levels = await db.stockLevel.findMany({ where: { itemId: w.items.serialised.id }, select: { locationId: true, onHand: true } });
    expect(levels).toEqual(
      expect.arrayContaining([
        { locationId: w.bins.a1.id, onHand: 0 },
        { locationId: w.bins.a2.id, onHand: UNITS },
      ]),
    );
    expect(await db.rfidSighting.count({ where: { readerId: w.reader } })).toBe(UNITS);
  });
});
