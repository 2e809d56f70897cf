import { describe, expect, it } from "vitest";
import * as confirmRoute from "../../app/api/v1/pick-lists/[id]/confirm/route";
import { buildApiKey, buildSite, buildUser } from "../../tests/factories/access";
import { callRoute } from "../../tests/integration/api/call-route";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { cancelPickList } from "./cancel-pick-list";
import { confirmPick } from "./confirm-pick";
import { createPickList } from "./create-pick-list";

const db = getDb();
const admin = SYSTEM_ACTOR;

/** A warehouse with 3 plain units in A1 and 10 of lot L1 in A2, and an open list: line 1 plain ×3, line 2 lot ×4. */
async function openList(reference = "SO-1") {
  const w = await buildWarehouse(db);
  await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 3, to: w.bins.a1.code, reason: "received" });
  await postMovement(db, admin, {
    kind: "receive",
    sku: w.items.lotted.sku,
    quantity: 10,
    to: w.bins.a2.code,
    reason: "received",
    lot: "L1",
    expiresAt: "2027-06-30",
  });
  const list = await createPickList(db, admin, {
    site: w.site.code,
    reference,
    lines: [
      { sku: w.items.plain.sku, quantity: 3 },
      { sku: w.items.lotted.sku, quantity: 4 },
    ],
  });
  return { w, list };
}

describe("confirmPick", () => {
  it("posts an issue for the order and raises the line; the list is done when every line is picked", async () => {
    const { w, list } = await openList();
    const first = await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 2 });
    expect(first.movement.movement).toMatchObject({
      kind: "issue",
      quantity: 2,
      from: w.bins.a1.code,
      to: `${w.site.code}-CUSTOMER`,
      reason: "sold",
      reference: "SO-1",
    });
    expect(first.pickList.lines[0]).toMatchObject({ picked: 2, remaining: 1 });
    expect(first.pickList.status).toBe("open");
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(1);

    await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 });
    const last = await confirmPick(db, admin, list.id, {
      lineNo: 2,
      from: w.bins.a2.code,
      sku: w.items.lotted.sku.toLowerCase(),
      lot: "L1",
      quantity: 4,
    });
    expect(last.movement.movement).toMatchObject({ lot: "L1", quantity: 4 });
    expect(last.pickList.status).toBe("done");
    expect(last.pickList.lines.map((l) => l.remaining)).toEqual([0, 0]);
    expect(await db.outboxEvent.count({ where: { type: "pickList.done", aggregateId: list.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "pickList.pick", entityId: list.id } })).toBe(3);
    await expect(confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 })).rejects.toMatchObject({
      code: "pick_list_not_open",
    });
  });

  it("refuses a scan that does not match the line, naming the field, and posts nothing", async () => {
    const { w, list } = await openList();
    const pick = (input: object) =>
      confirmPick(db, admin, list.id, { lineNo: 2, from: w.bins.a2.code, sku: w.items.lotted.sku, quantity: 1, ...input });
    await expect(pick({ from: w.bins.a1.code })).rejects.toMatchObject({
      issues: [{ field: "from", message: `Line 2 is picked from ${w.bins.a2.code}` }],
    });
    await expect(pick({ sku: w.items.plain.sku })).rejects.toMatchObject({
      issues: [{ field: "sku", message: `This line is for SKU ${w.items.lotted.sku}` }],
    });
    await expect(pick({ lot: "L2" })).rejects.toMatchObject({ issues: [{ field: "lot", message: "This line is for lot L1" }] });
    await expect(pick({ quantity: 5 })).rejects.toMatchObject({ issues: [{ field: "quantity", message: "Only 4 left to pick on line 2" }] });
    await expect(pick({ lineNo: 9 })).rejects.toMatchObject({ issues: [{ field: "lineNo" }] });
    await expect(
      confirmPick(db, admin, "01234567-89ab-7def-8123-456789abcdef", { lineNo: 1, from: "X", sku: "Y", quantity: 1 }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.stockMovement.count({ where: { kind: "issue", itemId: { in: [w.items.plain.id, w.items.lotted.id] } } })).toBe(0);
  });

  it("holds the line's units: moving them away is refused with 409, and the line is picked as planned", async () => {
    const { w, list } = await openList();
    await expect(
      postMovement(db, admin, { kind: "move", sku: w.items.plain.sku, quantity: 2, from: w.bins.a1.code, to: w.bins.a2.code, reason: "putaway" }),
    ).rejects.toMatchObject({ code: "insufficient_stock" });
    const line = await db.pickListLine.findFirstOrThrow({ where: { pickListId: list.id, lineNo: 1 } });
    expect(line.pickedQuantity).toBe(0);
    await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 3 });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
  });

  it("refuses picks on a cancelled list; what was picked stays issued", async () => {
    const { w, list } = await openList();
    await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 });
    await cancelPickList(db, admin, list.id);
    await expect(confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 })).rejects.toMatchObject({
      code: "pick_list_not_open",
    });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(2);
  });

  it("forbids a clerk of another site to pick", async () => {
    const { w, list } = await openList();
    const clerk = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    await expect(
      confirmPick(db, clerk.actor, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(3);
  });

  it("answers a retry with the same Idempotency-Key from the stored answer and posts once, even when concurrent", async () => {
    const { w, list } = await openList();
    const idempotency = {
      actorKey: "system:system",
      key: `pick-${list.id}`,
      hash: "h1",
      method: "POST",
      path: `/api/v1/pick-lists/${list.id}/picks`,
    };
    const input = { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 };
    const answers = await Promise.all(Array.from({ length: 4 }, () => confirmPick(db, admin, list.id, input, { idempotency })));
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.movement.postingId)).size).toBe(1);
    const later = await confirmPick(db, admin, list.id, input, { idempotency });
    expect(later).toMatchObject({
      replayed: true,
      movement: { postingId: answers[0].movement.postingId },
      pickList: { lines: [{ picked: 1 }, { picked: 0 }] },
    });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(2);
    expect(await db.stockMovement.count({ where: { kind: "issue", itemId: w.items.plain.id } })).toBe(1);
    await expect(confirmPick(db, admin, list.id, { ...input, quantity: 2 }, { idempotency: { ...idempotency, hash: "h2" } })).rejects.toMatchObject({
      issues: [{ field: "Idempotency-Key" }],
    });
  });
});

describe("confirmPick under concurrency", () => {
  it("lets exactly one of 10 simultaneous confirms take the line's last unit", async () => {
    const { w, list } = await openList();
    await confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 2 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ issues: [{ field: "quantity" }] });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
    expect(await db.stockMovement.count({ where: { kind: "issue", itemId: w.items.plain.id } })).toBe(2);
    expect((await db.pickListLine.findFirstOrThrow({ where: { pickListId: list.id, lineNo: 1 } })).pickedQuantity).toBe(3);
  });

  it("marks the list done exactly once when two clerks finish its last two lines at the same moment", async () => {
    const { w, list } = await openList();
    const [a, b] = await Promise.all([
      confirmPick(db, admin, list.id, { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 3 }),
      confirmPick(db, admin, list.id, { lineNo: 2, from: w.bins.a2.code, sku: w.items.lotted.sku, quantity: 4 }),
    ]);
    expect([a.pickList.status, b.pickList.status].sort()).toEqual(["done", "open"]);
    expect(await db.outboxEvent.count({ where: { type: "pickList.done", aggregateId: list.id } })).toBe(1);
  });
});

describe("confirming a stop by its seq", () => {
  it("picks the stop's bin, item and lot, with the same rules and the same Idempotency-Key replay", async () => {
    const { w, list } = await openList();
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const outsider = await buildApiKey(db, "clerk", [(await buildSite(db)).code]);
    const confirm = (key: string, body: unknown, headers: Record<string, string> = {}, id = list.id) =>
      callRoute(confirmRoute.POST, { method: "POST", path: `/api/v1/pick-lists/${id}/confirm`, key, body, headers, params: { id } });

    expect(list.stops[1]).toEqual({ seq: 2, location: w.bins.a2.code, sku: w.items.lotted.sku, lot: "L1", quantity: 4 });
    const first = await confirm(clerk.key, { seq: 2, quantity: 3 }, { "idempotency-key": "stop-2" });
    expect(first).toMatchObject({
      status: 200,
      json: {
        movement: { movement: { kind: "issue", from: w.bins.a2.code, lot: "L1", quantity: 3, reference: "SO-1" } },
        pickList: { lines: [{ picked: 0 }, { picked: 3 }] },
      },
    });
    const retry = await confirm(clerk.key, { seq: 2, quantity: 3 }, { "idempotency-key": "stop-2" });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.movement.postingId).toBe(first.json.movement.postingId);
    expect(await onHand(db, w.items.lotted.id, w.bins.a2.id, (await db.lot.findFirstOrThrow({ where: { itemId: w.items.lotted.id } })).id)).toBe(7);

    expect(await confirm(clerk.key, { seq: 2, quantity: 2 })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "quantity", message: "Only 1 left to pick on line 2" }] },
    });
    expect(await confirm(clerk.key, { seq: 3, quantity: 1 })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "seq", message: "This list has no stop 3" }] },
    });
    expect(await confirm(outsider.key, { seq: 1, quantity: 1 })).toMatchObject({ status: 403, json: { code: "forbidden" } });
    expect(await confirm(clerk.key, { seq: 1, quantity: 1 }, {}, "01234567-89ab-7def-8123-456789abcdef")).toMatchObject({ status: 404 });
    expect(await confirm(clerk.key, { seq: 1, quantity: 3 })).toMatchObject({
      status: 200,
      json: { pickList: { lines: [{ picked: 3 }, { picked: 3 }], status: "open" } },
    });
    expect(await db.stockMovement.count({ where: { kind: "issue", itemId: { in: [w.items.plain.id, w.items.lotted.id] } } })).toBe(2);
  });
});
