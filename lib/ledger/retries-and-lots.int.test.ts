// Retries of postings that already took effect, and lots that come into being with a receipt.
import { describe, expect, it } from "vitest";
import { buildApiKey } from "../../tests/factories/access";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { idempotencyKeyOf } from "../db/idempotency-key";
import { unitOfWork } from "../db/unit-of-work";
import { InsufficientStock } from "./errors";
import { postMovement, postMovements } from "./post-movement";
import { reverseMovement } from "./reverse-movement";

const db = getDb();

describe("a retry of a posting that took effect", () => {
  it("is answered with the posting, not judged again by rules its own effect changed", async () => {
    const w = await buildWarehouse(db);
    const { actor } = await buildApiKey(db, "manager");
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.lotted.sku,
      to: w.bins.a1.code,
      quantity: 5,
      lot: "L1",
      expiresAt: "2031-01-01",
      reason: "received",
    });
    // No lot named: the plan reads the stock to choose lots first-expiry-first.
    const issue = { kind: "issue" as const, sku: w.items.lotted.sku, from: w.bins.a1.code, quantity: 5, reason: "sold" };
    const key = idempotencyKeyOf(actor, { key: "issue-all-5", method: "POST", path: "/api/v1/movements", body: JSON.stringify(issue) });
    const first = await postMovement(db, actor, issue, { idempotency: key });
    // The first answer was lost; the client retries. The stock it took is gone, so planning would refuse it.
    const retry = await postMovement(db, actor, issue, { idempotency: key });
    expect(retry).toMatchObject({ replayed: true, postingId: first.postingId, movement: { id: first.movement!.id } });
    expect(await db.stockLevel.aggregate({ where: { itemId: w.items.lotted.id, locationId: w.bins.a1.id }, _sum: { onHand: true } })).toEqual({
      _sum: { onHand: 0 },
    });
    // Without the key the same request is a new one, and is refused.
    await expect(postMovement(db, actor, issue)).rejects.toBeInstanceOf(InsufficientStock);
  });

  it("of a reversal is answered with the reversal, not refused as already reversed", async () => {
    const w = await buildWarehouse(db);
    const { actor } = await buildApiKey(db, "manager");
    const received = await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.plain.sku,
      to: w.bins.a1.code,
      quantity: 2,
      reason: "received",
    });
    const key = idempotencyKeyOf(actor, { key: "undo-once", method: "POST", path: `/api/v1/movements/${received.movement!.id}/reverse`, body: "{}" });
    const first = await reverseMovement(db, actor, received.movement!.id, {}, { idempotency: key });
    const retry = await reverseMovement(db, actor, received.movement!.id, {}, { idempotency: key });
    expect(retry).toMatchObject({ replayed: true, postingId: first.postingId });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
  });
});

describe("a receipt into a new lot", () => {
  it("creates the lot once when several arrive at the same moment, and audits its creation", async () => {
    const w = await buildWarehouse(db);
    const receipts = Array.from({ length: 6 }, () =>
      postMovement(db, SYSTEM_ACTOR, {
        kind: "receive",
        sku: w.items.lotted.sku,
        to: w.bins.a1.code,
        quantity: 1,
        lot: "RACE-1",
        expiresAt: "2031-01-31",
        reason: "received",
      }),
    );
    const posted = await Promise.allSettled(receipts);
    expect(posted.map((p) => p.status)).toEqual(Array(6).fill("fulfilled"));
    const lots = await db.lot.findMany({ where: { itemId: w.items.lotted.id, number: "RACE-1" } });
    expect(lots).toHaveLength(1);
    expect(await onHand(db, w.items.lotted.id, w.bins.a1.id, lots[0].id)).toBe(6);
    const audited = await db.auditEntry.findMany({ where: { action: "lot.create", entityId: lots[0].id } });
    expect(audited).toHaveLength(1);
    expect(audited[0].after).toMatchObject({ number: "RACE-1", expiresOn: "2031-01-31", sku: w.items.lotted.sku });
  });

  it("leaves no lot behind when the posting is refused", async () => {
    const w = await buildWarehouse(db);
    const batch = [
      {
        kind: "receive" as const,
        sku: w.items.lotted.sku,
        to: w.bins.a1.code,
        quantity: 3,
        lot: "ORPHAN-1",
        expiresAt: "2031-02-28",
        reason: "received",
      },
      { kind: "issue" as const, sku: w.items.plain.sku, from: w.bins.a1.code, quantity: 1, reason: "sold" }, // nothing on hand: refused
    ];
    await expect(postMovements(db, SYSTEM_ACTOR, batch)).rejects.toBeInstanceOf(InsufficientStock);
    expect(await db.lot.count({ where: { itemId: w.items.lotted.id, number: "ORPHAN-1" } })).toBe(0);
  });

  it("posts inside a caller's unit of work, whose failure takes the new lot back too", async () => {
    const w = await buildWarehouse(db);
    await expect(
      unitOfWork(db, async (tx) => {
        await postMovement(tx as never, SYSTEM_ACTOR, {
          kind: "receive",
          sku: w.items.lotted.sku,
          to: w.bins.a1.code,
          quantity: 1,
          lot: "TX-1",
          expiresAt: "2031-03-31",
          reason: "received",
        });
        throw new Error("the caller fails afterwards");
      }),
    ).rejects.toThrow("afterwards");
    expect(await db.lot.count({ where: { itemId: w.items.lotted.id, number: "TX-1" } })).toBe(0);
  });
});
