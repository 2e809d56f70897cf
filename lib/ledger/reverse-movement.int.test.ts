import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { onHand } from "../../tests/factories/stock";
import { buildTwoSites, statusOf } from "../../tests/factories/transfers";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { createTransfer } from "../transfers/create-transfer";
import { receiveTransfer } from "../transfers/receive-transfer";
import { shipTransfer } from "../transfers/ship-transfer";
import { postMovement } from "./post-movement";
import { reverseMovement } from "./reverse-movement";

const db = getDb();

/** Two sites and a transfer of 2 plain units from the first, received into the second's bin A1. */
async function receivedTransfer() {
  const setup = await buildTwoSites(db);
  const { source, destination, items } = setup;
  const transfer = await createTransfer(db, SYSTEM_ACTOR, {
    from: source.site.code,
    to: destination.site.code,
    lines: [{ sku: items.plain.sku, quantity: 2 }],
  });
  await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
  const received = await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, {
    lines: [{ sku: items.plain.sku, quantity: 2, to: destination.bins.a1.code }],
  });
  const receipt = received.steps.at(-1)!.movements[0];
  const transit = await db.location.findUniqueOrThrow({ where: { code: `${source.site.code}-TRANSIT` } });
  return { ...setup, receipt, transit };
}

describe("reverseMovement across sites", () => {
  it("refuses (403) a clerk of the destination only the receipt of a transfer, which would post into the source's in-transit", async () => {
    const { destination, items, receipt, transit } = await receivedTransfer();
    expect(receipt).toMatchObject({ kind: "transfer_receive", from: transit.code, to: destination.bins.a1.code });
    const clerk = await buildUser(db, "clerk", { sites: [destination.site.code] });

    expect(await statusOf(reverseMovement(db, clerk.actor, receipt.id))).toBe(403);
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(2);
    expect(await onHand(db, items.plain.id, transit.id)).toBe(0);
    expect(await db.stockMovement.count({ where: { reversesId: BigInt(receipt.id) } })).toBe(0);
  });

  it("lets a clerk of both sites reverse it, putting the units back in transit", async () => {
    const { source, destination, items, receipt, transit } = await receivedTransfer();
    const clerk = await buildUser(db, "clerk", { sites: [source.site.code, destination.site.code] });
    const reversal = await reverseMovement(db, clerk.actor, receipt.id);
    expect(reversal.movement).toMatchObject({ kind: "reversal", from: destination.bins.a1.code, to: transit.code, quantity: 2 });
    expect(await onHand(db, items.plain.id, transit.id)).toBe(2);
  });

  it("still lets a clerk reverse a movement within their one site", async () => {
    const { source, items } = await buildTwoSites(db);
    const clerk = await buildUser(db, "clerk", { sites: [source.site.code] });
    const issue = await postMovement(db, clerk.actor, {
      kind: "issue",
      sku: items.plain.sku,
      quantity: 1,
      from: source.bins.a1.code,
      reason: "sold",
    });
    expect((await reverseMovement(db, clerk.actor, issue.movement!.id)).movement).toMatchObject({ kind: "reversal", to: source.bins.a1.code });
  });
});
