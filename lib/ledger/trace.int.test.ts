import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildTwoSites } from "../../tests/factories/transfers";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { createTransfer } from "../transfers/create-transfer";
import { receiveTransfer } from "../transfers/receive-transfer";
import { shipTransfer } from "../transfers/ship-transfer";
import { postMovement } from "./post-movement";
import { traceStock } from "./trace";

const db = getDb();

describe("traceStock of a serial", () => {
  it("says where the unit is now only to those who may see that site", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, SYSTEM_ACTOR, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.serialised.sku, quantity: 1, serials: ["S1"] }],
    });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
    await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, {
      lines: [{ sku: items.serialised.sku, quantity: 1, serials: ["S1"], to: destination.bins.a1.code }],
    });
    // Moved on within the destination: no movement the source's people may see ends in A2.
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "move",
      sku: items.serialised.sku,
      quantity: 1,
      serials: ["S1"],
      from: destination.bins.a1.code,
      to: destination.bins.a2.code,
      reason: "putaway",
    });
    const trace = async (sites: string[]) => {
      const viewer = await buildUser(db, "viewer", { sites });
      return (await traceStock(db, viewer.actor, { serial: "S1", sku: items.serialised.sku })).data[0];
    };

    const fromSource = await trace([source.site.code]);
    expect(fromSource.movements.map((m) => m.kind)).toEqual(["receive", "transfer_ship", "transfer_receive"]);
    expect(fromSource).toMatchObject({ kind: "serial", now: null });
    expect(JSON.stringify(fromSource)).not.toContain(destination.bins.a2.code);
    expect(await trace([destination.site.code])).toMatchObject({ now: destination.bins.a2.code });
    expect((await traceStock(db, SYSTEM_ACTOR, { serial: "S1", sku: items.serialised.sku })).data[0]).toMatchObject({
      now: destination.bins.a2.code,
    });
  });
});
