import { afterEach, describe, expect, it } from "vitest";
import { buildApiKey, buildUser } from "../../tests/factories/access";
import { onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { approveTransfer } from "./approve-transfer";
import { cancelTransfer } from "./cancel-transfer";
import { createTransfer } from "./create-transfer";
import { getTransfer } from "./get-transfer";
import { listTransfers } from "./list-transfers";
import { receiveTransfer } from "./receive-transfer";
import { shipTransfer } from "./ship-transfer";
import { buildTwoSites, problemOf, setPreferredCost, statusOf } from "../../tests/factories/transfers";

const db = getDb();
const admin = SYSTEM_ACTOR;

afterEach(() => {
  delete process.env.STOCKROOM_TRANSFER_APPROVAL_LIMIT;
});

describe("createTransfer", () => {
  it("drafts a transfer with its value at the preferred supplier's cost, records the step, audits and announces it", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    await setPreferredCost(db, items.plain.id, "12.5");
    const transfer = await createTransfer(db, admin, {
      from: source.site.code.toLowerCase(),
      to: destination.site.code,
      reference: "TR-1",
      lines: [
        { sku: items.plain.sku, quantity: 4 },
        { sku: items.lotted.sku, quantity: 2, lot: "LATE" },
      ],
    });
    expect(transfer).toMatchObject({
      status: "draft",
      from: source.site.code,
      to: destination.site.code,
      reference: "TR-1",
      value: "50.0000",
      needsApproval: false,
      lines: [
        { lineNo: 1, sku: items.plain.sku, quantity: 4, shipped: 0, lot: null },
        { lineNo: 2, lot: "LATE", quantity: 2 },
      ],
      steps: [{ step: "created", movements: [] }],
      discrepancies: [],
    });
    expect(await db.outboxEvent.count({ where: { type: "transfer.created", aggregateId: transfer.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "transfer.create", entityId: transfer.id } })).toBe(1);
  });

  it("refuses bad lines with 422 on the field to correct, and creates nothing", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const create = (input: object) =>
      createTransfer(db, admin, { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 1 }], ...input });
    expect(await problemOf(create({ lines: [{ sku: "NOPE", quantity: 1 }] }))).toMatchObject({ status: 422, errors: [{ field: "lines.0.sku" }] });
    expect(await problemOf(create({ lines: [{ sku: items.plain.sku, quantity: 0 }] }))).toMatchObject({
      status: 422,
      errors: [{ field: "lines.0.quantity" }],
    });
    expect(
      await problemOf(
        create({
          lines: [
            { sku: items.plain.sku, quantity: 1 },
            { sku: items.plain.sku.toLowerCase(), quantity: 1 },
          ],
        }),
      ),
    ).toMatchObject({ status: 422, errors: [{ field: "lines.1.sku" }] });
    expect(await problemOf(create({ lines: [{ sku: items.plain.sku, quantity: 1, lot: "X" }] }))).toMatchObject({
      status: 422,
      errors: [{ field: "lines.0.lot" }],
    });
    expect(await problemOf(create({ lines: [{ sku: items.lotted.sku, quantity: 1, lot: "NOSUCH" }] }))).toMatchObject({
      status: 422,
      errors: [{ field: "lines.0.lot" }],
    });
    expect(await problemOf(create({ lines: [{ sku: items.serialised.sku, quantity: 2, serials: ["S1"] }] }))).toMatchObject({
      status: 422,
      errors: [{ field: "lines.0.serials" }],
    });
    expect(await problemOf(create({ to: source.site.code }))).toMatchObject({ status: 422, errors: [{ field: "to" }] });
    expect(await problemOf(create({ from: "NOWHERE" }))).toMatchObject({ status: 422, errors: [{ field: "from" }] });
    expect(await statusOf(create({ lines: [] }))).toBe(422);
    expect(await db.transferOrder.count({ where: { fromSiteId: source.site.id } })).toBe(0);
  });

  it("forbids a clerk of the destination only to create a transfer from the source (403)", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const clerk = await buildUser(db, "clerk", { sites: [destination.site.code] });
    const call = createTransfer(db, clerk.actor, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 1 }],
    });
    expect(await statusOf(call)).toBe(403);
  });
});

describe("approval", () => {
  it("requires a manager's approval before shipping a transfer worth more than the limit", async () => {
    process.env.STOCKROOM_TRANSFER_APPROVAL_LIMIT = "100";
    const { source, destination, items } = await buildTwoSites(db);
    await setPreferredCost(db, items.plain.id, "30");
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 4 }],
    });
    expect(transfer).toMatchObject({ value: "120.0000", needsApproval: true });

    expect(await statusOf(shipTransfer(db, admin, transfer.id))).toBe(409);
    await expect(shipTransfer(db, admin, transfer.id)).rejects.toMatchObject({ code: "transfer_needs_approval" });
    expect(await onHand(db, items.plain.id, source.bins.a1.id)).toBe(6);

    const clerk = await buildUser(db, "clerk", { sites: [source.site.code] });
    expect(await statusOf(approveTransfer(db, clerk.actor, transfer.id))).toBe(403);
    const otherManager = await buildUser(db, "manager", { sites: [destination.site.code] });
    expect(await statusOf(approveTransfer(db, otherManager.actor, transfer.id))).toBe(403);

    const manager = await buildUser(db, "manager", { sites: [source.site.code] });
    const approved = await approveTransfer(db, manager.actor, transfer.id);
    expect(approved.status).toBe("approved");
    expect(approved.steps.map((s) => s.step)).toEqual(["created", "approved"]);
    expect(approved.steps[1].actor).toBe(manager.actor.label);
    expect(await statusOf(approveTransfer(db, manager.actor, transfer.id))).toBe(409);

    const shipped = await shipTransfer(db, clerk.actor, transfer.id);
    expect(shipped.status).toBe("shipped");
  });

  it("refuses (403) whoever drafted a transfer its approval: a manager, an admin, an API key", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const draft = (actor: Actor) =>
      createTransfer(db, actor, { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 1 }] });
    const manager = await buildUser(db, "manager", { sites: [source.site.code] });
    const otherManager = await buildUser(db, "manager", { sites: [source.site.code] });
    const adminUser = await buildUser(db, "admin");
    const key = await buildApiKey(db, "manager", [source.site.code]);

    for (const drafter of [manager.actor, adminUser.actor, key.actor]) {
      const transfer = await draft(drafter);
      expect(await problemOf(approveTransfer(db, drafter, transfer.id)), drafter.label).toMatchObject({
        status: 403,
        code: "forbidden",
        detail: expect.stringMatching(/drafted/),
      });
      expect((await getTransfer(db, admin, transfer.id)).status).toBe("draft");
      expect((await approveTransfer(db, otherManager.actor, transfer.id)).status).toBe("approved");
    }
    // A key may approve what a person drafted: a user's id is never compared with a key's.
    expect((await approveTransfer(db, key.actor, (await draft(manager.actor)).id)).status).toBe("approved");
  });

  it("lets a transfer at or below the limit ship straight from draft", async () => {
    process.env.STOCKROOM_TRANSFER_APPROVAL_LIMIT = "120";
    const { source, destination, items } = await buildTwoSites(db);
    await setPreferredCost(db, items.plain.id, "30");
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 4 }],
    });
    expect(transfer.needsApproval).toBe(false);
    expect((await shipTransfer(db, admin, transfer.id)).status).toBe("shipped");
  });
});

describe("shipTransfer", () => {
  it("moves the units from the source bins to the source's in-transit location, first-expiring lot first", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [
        { sku: items.lotted.sku, quantity: 7 },
        { sku: items.plain.sku, quantity: 3 },
      ],
    });
    const shipped = await shipTransfer(db, admin, transfer.id);
    const transit = await db.location.findUniqueOrThrow({ where: { code: `${source.site.code}-TRANSIT` } });
    const [soon, late] = await Promise.all(["SOON", "LATE"].map((number) => db.lot.findFirstOrThrow({ where: { itemId: items.lotted.id, number } })));

    expect(shipped.status).toBe("shipped");
    expect(shipped.lines.map((l) => [l.shipped, l.inTransit])).toEqual([
      [7, 7],
      [3, 3],
    ]);
    const movements = shipped.steps[1].movements;
    expect(shipped.steps[1]).toMatchObject({ step: "shipped", postingId: expect.any(String) });
    expect(movements.every((m) => m.kind === "transfer_ship" && m.to === transit.code && m.reason === "transfer")).toBe(true);
    expect(
      movements
        .filter((m) => m.sku === items.lotted.sku)
        .map((m) => [m.lot, m.quantity, m.from])
        .sort(),
    ).toEqual([
      ["LATE", 2, source.bins.a1.code],
      ["SOON", 5, source.bins.a2.code],
    ]);
    // Plain units come from the bin holding most.
    expect(movements.filter((m) => m.sku === items.plain.sku).map((m) => [m.from, m.quantity])).toEqual([[source.bins.a1.code, 3]]);
    expect(await onHand(db, items.lotted.id, source.bins.a2.id, soon.id)).toBe(0);
    expect(await onHand(db, items.lotted.id, source.bins.a1.id, late.id)).toBe(3);
    expect(await onHand(db, items.lotted.id, transit.id, soon.id)).toBe(5);
    expect(await onHand(db, items.lotted.id, transit.id, late.id)).toBe(2);
    expect(await onHand(db, items.plain.id, transit.id)).toBe(3);
    expect(await db.outboxEvent.count({ where: { type: "transfer.shipped", aggregateId: transfer.id, siteId: source.site.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "transfer.shipped", entityId: transfer.id } })).toBe(1);
  });

  it("takes a line from the bin named for it, and refuses a bin of another site with 422", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 4 }],
    });
    expect(await statusOf(shipTransfer(db, admin, transfer.id, { lines: [{ lineNo: 1, from: destination.bins.a1.code }] }))).toBe(422);
    expect(await statusOf(shipTransfer(db, admin, transfer.id, { lines: [{ lineNo: 2, from: source.bins.a2.code }] }))).toBe(422);
    const shipped = await shipTransfer(db, admin, transfer.id, { lines: [{ lineNo: 1, from: source.bins.a2.code.toLowerCase() }] });
    expect(shipped.steps[1].movements.map((m) => [m.from, m.quantity])).toEqual([[source.bins.a2.code, 4]]);
    expect(await onHand(db, items.plain.id, source.bins.a2.id)).toBe(0);
    expect(await onHand(db, items.plain.id, source.bins.a1.id)).toBe(6);
  });

  it("refuses with 409 and `available` when the source holds too little, and drafts and holds nothing", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    // Refused when drafted, not when shipped: the transfer holds its units from the start (transfer-holds.ts).
    const refusal = await problemOf(
      createTransfer(db, admin, {
        from: source.site.code,
        to: destination.site.code,
        lines: [
          { sku: items.plain.sku, quantity: 2 },
          { sku: items.lotted.sku, quantity: 11 },
        ],
      }),
    );
    expect(refusal).toMatchObject({
      status: 409,
      code: "not_enough_available",
      requested: 11,
      available: 10,
      errors: [{ field: "lines.1.quantity" }],
    });
    expect(await db.transferOrder.count({ where: { fromSiteId: source.site.id } })).toBe(0);
    expect(await db.reservation.count({ where: { itemId: { in: [items.plain.id, items.lotted.id] } } })).toBe(0);
    const levels = await db.stockLevel.aggregate({ where: { itemId: items.plain.id }, _sum: { reserved: true } });
    expect(levels._sum.reserved).toBe(0);
    expect(await onHand(db, items.plain.id, source.bins.a1.id)).toBe(6);
  });

  it("ships serial units by serial", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.serialised.sku, quantity: 2, serials: ["S1", "S3"] }],
    });
    const shipped = await shipTransfer(db, admin, transfer.id);
    expect(shipped.steps[1].movements[0]).toMatchObject({ kind: "transfer_ship", quantity: 2, serials: ["S1", "S3"] });
    const s1 = await db.serial.findFirstOrThrow({ where: { itemId: items.serialised.id, serial: "S1" }, include: { location: true } });
    expect(s1.location?.code).toBe(`${source.site.code}-TRANSIT`);
  });
});

describe("status and permission refusals", () => {
  it("refuses each step not allowed from the current status with 409", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const lines = [{ sku: items.plain.sku, quantity: 1 }];
    const draft = await createTransfer(db, admin, { from: source.site.code, to: destination.site.code, lines });
    const receiveOne = { lines: [{ sku: items.plain.sku, quantity: 1, to: destination.bins.a1.code }] };
    expect(await statusOf(receiveTransfer(db, admin, draft.id, receiveOne))).toBe(409);
    expect(await statusOf(receiveTransfer(db, admin, draft.id, { close: true }))).toBe(409);

    const cancelled = await cancelTransfer(db, admin, draft.id);
    expect(cancelled.status).toBe("cancelled");
    expect(await db.outboxEvent.count({ where: { type: "transfer.cancelled", aggregateId: draft.id } })).toBe(1);
    for (const step of [approveTransfer, shipTransfer, cancelTransfer]) expect(await statusOf(step(db, admin, draft.id)), step.name).toBe(409);

    const approvedThenCancelled = await createTransfer(db, admin, { from: source.site.code, to: destination.site.code, lines });
    await approveTransfer(db, admin, approvedThenCancelled.id);
    expect((await cancelTransfer(db, admin, approvedThenCancelled.id)).status).toBe("cancelled");

    const shipped = await createTransfer(db, admin, { from: source.site.code, to: destination.site.code, lines });
    await shipTransfer(db, admin, shipped.id);
    for (const step of [approveTransfer, shipTransfer, cancelTransfer]) expect(await statusOf(step(db, admin, shipped.id)), step.name).toBe(409);
    await receiveTransfer(db, admin, shipped.id, { ...receiveOne, close: true });
    expect(await statusOf(receiveTransfer(db, admin, shipped.id, receiveOne))).toBe(409);
    expect(await statusOf(cancelTransfer(db, admin, shipped.id))).toBe(409);
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(1);
  });

  it("lets only the source's clerks ship and only the destination's clerks receive (403 otherwise)", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const sourceClerk = await buildUser(db, "clerk", { sites: [source.site.code] });
    const destinationClerk = await buildUser(db, "clerk", { sites: [destination.site.code] });
    const transfer = await createTransfer(db, sourceClerk.actor, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 2 }],
    });
    expect(await statusOf(shipTransfer(db, destinationClerk.actor, transfer.id))).toBe(403);
    expect(await statusOf(cancelTransfer(db, destinationClerk.actor, transfer.id))).toBe(403);
    await shipTransfer(db, sourceClerk.actor, transfer.id);
    const receipt = { lines: [{ sku: items.plain.sku, quantity: 2, to: destination.bins.a1.code }] };
    expect(await statusOf(receiveTransfer(db, sourceClerk.actor, transfer.id, receipt))).toBe(403);
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(0);
    expect((await receiveTransfer(db, destinationClerk.actor, transfer.id, receipt)).lines[0].received).toBe(2);
  });

  it("shows a transfer to clerks of either site only, and lists only transfers touching the clerk's sites", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const { source: elsewhere, items: elsewhereItems } = await buildTwoSites(db);
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 1 }],
    });
    const other = await createTransfer(db, admin, {
      from: elsewhere.site.code,
      to: destination.site.code,
      lines: [{ sku: elsewhereItems.plain.sku, quantity: 1 }],
    });
    const sourceClerk = await buildUser(db, "clerk", { sites: [source.site.code] });
    const destinationClerk = await buildUser(db, "clerk", { sites: [destination.site.code] });
    const outsider = await buildUser(db, "clerk", { sites: [elsewhere.site.code] });

    expect((await getTransfer(db, sourceClerk.actor, transfer.id)).id).toBe(transfer.id);
    expect((await getTransfer(db, destinationClerk.actor, transfer.id)).id).toBe(transfer.id);
    expect(await statusOf(getTransfer(db, outsider.actor, transfer.id))).toBe(403);
    expect(await statusOf(getTransfer(db, admin, "not-a-uuid"))).toBe(404);

    expect((await listTransfers(db, sourceClerk.actor)).data.map((t) => t.id)).toEqual([transfer.id]);
    expect((await listTransfers(db, destinationClerk.actor)).data.map((t) => t.id).sort()).toEqual([transfer.id, other.id].sort());
    expect((await listTransfers(db, outsider.actor)).data.map((t) => t.id)).toEqual([other.id]);
    expect((await listTransfers(db, admin, { site: source.site.code })).data.map((t) => t.id)).toEqual([transfer.id]);
    expect((await listTransfers(db, destinationClerk.actor, { status: "cancelled" })).data).toEqual([]);
    expect((await listTransfers(db, admin, { site: destination.site.code, status: "draft" })).data[0]).toMatchObject({
      lineCount: 1,
      units: 1,
      needsApproval: false,
    });
  });
});
