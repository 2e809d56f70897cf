import { describe, expect, it } from "vitest";
import * as readRoutes from "../../app/api/v1/rfid/reads/route";
import { buildApiKey, buildUser } from "../../tests/factories/access";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { startCount } from "../counting/start-count";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { recordReads } from "./record-reads";
import { registerReader } from "./register-reader";
import { buildTaggedWarehouse } from "../../tests/factories/tagged-warehouse";

const db = getDb();
// Reads from a morning in the past: a read stamped in the future is taken as read now.
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 15, 8, 0, seconds)).toISOString();
const whereIs = async (itemId: string, serial: string) =>
  (await db.serial.findUniqueOrThrow({ where: { itemId_serial: { itemId, serial } }, select: { location: { select: { code: true } } } })).location
    ?.code;
const rfidMoves = (itemId: string) => db.stockMovement.count({ where: { itemId, reasonCode: "rfid" } });

describe("recordReads", () => {
  it("moves a unit to the reader's location once, though the same batch comes twice within the window", async () => {
    const w = await buildTaggedWarehouse(db);
    const batch = { reads: [0, 1, 2].map((s) => ({ epc: w.epcOf(w.serials[0]), reader: w.reader, at: at(s), rssi: -52 })) };
    expect(await recordReads(db, SYSTEM_ACTOR, batch)).toEqual({
      accepted: 1,
      duplicates: 2,
      undecodable: [],
      unknownReaders: [],
      counted: 0,
      notTracked: 0,
      refused: [],
      moved: [{ sku: w.items.serialised.sku, serial: w.serials[0], from: w.bins.a1.code, to: w.bins.a2.code }],
    });
    expect(await recordReads(db, SYSTEM_ACTOR, batch)).toMatchObject({ accepted: 0, duplicates: 3, moved: [] });
    expect(await whereIs(w.items.serialised.id, w.serials[0])).toBe(w.bins.a2.code);
    const movement = await db.stockMovement.findFirstOrThrow({ where: { itemId: w.items.serialised.id, reasonCode: "rfid" } });
    expect(movement).toMatchObject({ kind: "move", quantity: 1, reference: `RFID ${w.reader}` });
    expect(await rfidMoves(w.items.serialised.id)).toBe(1);
  });

  it("acts on a tag again after the window, and only on its latest location when it passed several readers", async () => {
    const w = await buildTaggedWarehouse(db);
    await registerReader(db, SYSTEM_ACTOR, { id: w.reader, antenna: 2, location: w.bins.chilled.code });
    await registerReader(db, SYSTEM_ACTOR, { id: "CAGE-GATE", location: w.bins.cage.code });
    const epc = w.epcOf(w.serials[1]);
    const outcome = await recordReads(db, SYSTEM_ACTOR, {
      reads: [
        { epc, reader: w.reader, antenna: 2, at: at(5) },
        { epc, reader: w.reader, antenna: 1, at: at(1) },
        { epc, reader: "CAGE-GATE", at: at(9) },
      ],
    });
    expect(outcome).toMatchObject({ accepted: 3, duplicates: 0, moved: [{ from: w.bins.a1.code, to: w.bins.cage.code }] });
    // A late read from before the last one does nothing; the same place a window later is looked at again.
    expect(await recordReads(db, SYSTEM_ACTOR, { reads: [{ epc, reader: w.reader, at: at(8) }] })).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await recordReads(db, SYSTEM_ACTOR, { reads: [{ epc, reader: "CAGE-GATE", at: at(70) }] })).toMatchObject({ accepted: 1, moved: [] });
    expect(await recordReads(db, SYSTEM_ACTOR, { reads: [{ epc, reader: w.reader, at: at(71) }] })).toMatchObject({
      moved: [{ from: w.bins.cage.code, to: w.bins.a2.code }],
    });
    expect(await rfidMoves(w.items.serialised.id)).toBe(2);
  });

  it("acts once when the same batch arrives twice at the same moment (a reader retrying after a timeout)", async () => {
    const w = await buildTaggedWarehouse(db);
    const batch = { reads: w.serials.map((serial) => ({ epc: w.epcOf(serial), reader: w.reader, at: at(0) })) };
    const outcomes = await Promise.all([recordReads(db, SYSTEM_ACTOR, batch), recordReads(db, SYSTEM_ACTOR, batch)]);
    expect(outcomes.map((o) => o.moved.length).sort()).toEqual([0, w.serials.length]);
    expect(outcomes.map((o) => o.duplicates).sort()).toEqual([0, w.serials.length]);
    expect(await rfidMoves(w.items.serialised.id)).toBe(w.serials.length);
  });

  it("takes a read stamped in the future as read now, so the tag's true reads are not taken for stale ones", async () => {
    const w = await buildTaggedWarehouse(db);
    const epc = w.epcOf(w.serials[0]);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await recordReads(db, SYSTEM_ACTOR, { reads: [{ epc, reader: w.reader, at: inAnHour }] });
    const sighting = await db.rfidSighting.findFirstOrThrow({ where: { readerId: w.reader } });
    expect(sighting.seenAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("lists undecodable EPCs and unknown readers, and counts tags of nothing in stock as not tracked", async () => {
    const w = await buildTaggedWarehouse(db, { tagged: 2, received: 1 });
    const outcome = await recordReads(db, SYSTEM_ACTOR, {
      reads: [
        { epc: "NOT-HEX", reader: w.reader, at: at(0) },
        { epc: "FF74257BF7194E4000001A85", reader: w.reader, at: at(0) },
        { epc: w.epcOf(w.serials[0]), reader: "NO-SUCH-READER", antenna: 3, at: at(0) },
        { epc: w.epcOf(w.serials[0]), reader: "NO-SUCH-READER", antenna: 3, at: at(1) },
        { epc: w.epcOf(w.serials[1]), reader: w.reader, at: at(0) }, // never received
        { epc: "3074257BF7194E4000001A85", reader: w.reader, at: at(0) }, // a GTIN no item carries
        { epc: "350007AB70425D4000000586", reader: w.reader, at: at(0) }, // GID-96: no GTIN at all
      ],
    });
    expect(outcome).toMatchObject({
      accepted: 3,
      duplicates: 0,
      moved: [],
      notTracked: 3,
      undecodable: [
        { index: 0, epc: "NOT-HEX", reason: expect.stringMatching(/hexadecimal/) },
        { index: 1, reason: expect.stringMatching(/header 0xFF/) },
      ],
      unknownReaders: [{ reader: "NO-SUCH-READER", antenna: 3, reads: 2 }],
    });
    expect(await whereIs(w.items.serialised.id, w.serials[0])).toBe(w.bins.a1.code);
    expect(await db.serial.count({ where: { itemId: w.items.serialised.id } })).toBe(1); // RFID receives nothing
  });

  it("adds a read inside an open count to the count and leaves the ledger alone", async () => {
    const w = await buildTaggedWarehouse(db);
    const count = await startCount(db, SYSTEM_ACTOR, { location: w.site.code });
    const outcome = await recordReads(db, SYSTEM_ACTOR, {
      reads: w.serials.slice(0, 2).map((serial) => ({ epc: w.epcOf(serial), reader: w.reader, at: at(0) })),
    });
    expect(outcome).toMatchObject({ accepted: 2, counted: 2, moved: [] });
    expect(await rfidMoves(w.items.serialised.id)).toBe(0);
    expect(
      await db.countScan.findMany({
        where: { sessionId: count.id },
        select: { serial: true, source: true, quantity: true, locationId: true },
        orderBy: { serial: "asc" },
      }),
    ).toEqual(w.serials.slice(0, 2).map((serial) => ({ serial, source: "rfid", quantity: 1, locationId: w.bins.a2.id })));
    expect(await whereIs(w.items.serialised.id, w.serials[0])).toBe(w.bins.a1.code);
  });

  it("refuses to move a unit the ledger has at another site, and posts the rest", async () => {
    const [w, other] = [await buildTaggedWarehouse(db), await buildTaggedWarehouse(db)];
    const outcome = await recordReads(db, SYSTEM_ACTOR, {
      reads: [
        { epc: other.epcOf(other.serials[0]), reader: w.reader, at: at(0) },
        { epc: w.epcOf(w.serials[0]), reader: w.reader, at: at(0) },
      ],
    });
    expect(outcome.moved).toEqual([{ sku: w.items.serialised.sku, serial: w.serials[0], from: w.bins.a1.code, to: w.bins.a2.code }]);
    expect(outcome.refused).toEqual([
      {
        sku: other.items.serialised.sku,
        serial: other.serials[0],
        from: other.bins.a1.code,
        to: w.bins.a2.code,
        reason: expect.stringMatching(/at another site/),
      },
    ]);
  });

  it("does not say where a unit at another site is to a caller who may not see that site", async () => {
    const [w, other] = [await buildTaggedWarehouse(db), await buildTaggedWarehouse(db)];
    const read = (serial: string) => ({ reads: [{ epc: other.epcOf(serial), reader: w.reader, at: at(0) }] });
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const outcome = await recordReads(db, clerk.actor, read(other.serials[0]));
    expect(outcome.refused).toEqual([
      { sku: other.items.serialised.sku, serial: other.serials[0], from: null, to: w.bins.a2.code, reason: expect.stringMatching(/at another site/) },
    ]);
    expect(JSON.stringify(outcome)).not.toContain(other.bins.a1.code);

    const clerkOfBoth = await buildUser(db, "clerk", { sites: [w.site.code, other.site.code] });
    expect((await recordReads(db, clerkOfBoth.actor, read(other.serials[1]))).refused).toEqual([
      expect.objectContaining({ from: other.bins.a1.code }),
    ]);
  });

  it("leaves out a move the ledger refuses, reports it, and posts the others", async () => {
    const w = await buildTaggedWarehouse(db);
    await db.item.update({ where: { id: w.items.serialised.id }, data: { tempMinC: 2, tempMaxC: 8 } });
    await registerReader(db, SYSTEM_ACTOR, { id: "FRIDGE", location: w.bins.chilled.code });
    // serials[0] already sits in the chilled bin; read at the ambient A2 it cannot go there.
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "move",
      sku: w.items.serialised.sku,
      quantity: 1,
      serials: [w.serials[0]],
      from: w.bins.a1.code,
      to: w.bins.chilled.code,
      reason: "putaway",
    });
    const outcome = await recordReads(db, SYSTEM_ACTOR, {
      reads: [
        { epc: w.epcOf(w.serials[0]), reader: w.reader, at: at(0) },
        { epc: w.epcOf(w.serials[1]), reader: "FRIDGE", at: at(0) },
      ],
    });
    expect(outcome.moved).toEqual([{ sku: w.items.serialised.sku, serial: w.serials[1], from: w.bins.a1.code, to: w.bins.chilled.code }]);
    expect(outcome.refused).toEqual([
      expect.objectContaining({ serial: w.serials[0], to: w.bins.a2.code, reason: expect.stringMatching(/does not suit/) }),
    ]);
  });

  it("answers 403 when a reader is at a site the caller may not move stock at, and changes nothing", async () => {
    const [home, away] = [await buildTaggedWarehouse(db), await buildTaggedWarehouse(db)];
    const clerk = await buildApiKey(db, "clerk", [home.site.code]);
    const answer = await callRoute(readRoutes.POST, {
      method: "POST",
      path: "/api/v1/rfid/reads",
      key: clerk.key,
      body: {
        reads: [
          { epc: home.epcOf(home.serials[0]), reader: home.reader, at: at(0) },
          { epc: away.epcOf(away.serials[0]), reader: away.reader, at: at(0) },
        ],
      },
    });
    expect(answer).toMatchObject({ status: 403, json: { code: "forbidden", siteId: away.site.id } });
    expect(await db.rfidSighting.count({ where: { readerId: { in: [home.reader, away.reader] } } })).toBe(0);
    expect(await whereIs(home.items.serialised.id, home.serials[0])).toBe(home.bins.a1.code);
  });

  it("answers a retry with the same Idempotency-Key with the first answer", async () => {
    const w = await buildTaggedWarehouse(db);
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const send = () =>
      callRoute(readRoutes.POST, {
        method: "POST",
        path: "/api/v1/rfid/reads",
        key: clerk.key,
        headers: { "idempotency-key": `reads-${w.site.code}` },
        body: { reads: [{ epc: w.epcOf(w.serials[2]), reader: w.reader, at: at(0) }] },
      });
    const first = await send();
    expect(first).toMatchObject({ status: 200, json: { moved: [{ serial: w.serials[2] }] } });
    const again = await send();
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await rfidMoves(w.items.serialised.id)).toBe(1);
  });
});
