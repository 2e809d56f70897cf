import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb, type Db } from "../db/client";
import { PrismaClient, type OrderStatus } from "../db/generated/client";
import { postMovement } from "../ledger/post-movement";
import { createOrder } from "./create-order";
import { listOrderBoard } from "./list-order-board";

const db = getDb();
let sequence = 0;
const AS_OF = "2026-12-09";

async function handMade(siteId: string, status: OrderStatus, promised: string | null, channel = "direct") {
  return db.salesOrder.create({
    data: {
      reference: `BOARD-${sequence++}`,
      channel,
      customerName: `Customer ${sequence}`,
      siteId,
      status,
      promisedShipDate: promised ? new Date(`${promised}T00:00:00Z`) : null,
      shippedAt: status === "shipped" ? new Date() : null,
      createdByLabel: "test",
    },
    select: { id: true, number: true },
  });
}

describe("order board", () => {
  it("sorts orders into what to pick, what is late, what waits on stock, what can ship and what has gone", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 3, to: w.bins.a1.code, reason: "received" });
    const toPick = await createOrder(db, SYSTEM_ACTOR, {
      reference: `B-${sequence++}`,
      customer: { name: "Ada" },
      lines: [{ sku, quantity: 2 }],
      site: w.site.code,
      promisedShipDate: "2026-12-20",
    });
    // Two more than what is left: one unit held, two wait for stock; and its promise has passed.
    const waiting = await createOrder(db, SYSTEM_ACTOR, {
      reference: `B-${sequence++}`,
      customer: { name: "Bo" },
      lines: [{ sku, quantity: 3 }],
      site: w.site.code,
      promisedShipDate: "2026-12-01",
      channel: "shop",
    });
    const packed = await handMade(w.site.id, "packed", null, "shop");
    const shipped = await handMade(w.site.id, "shipped", "2026-12-01");
    await handMade(w.site.id, "cancelled", "2026-12-01");

    const tab = (name: "pick" | "late" | "waiting" | "ready" | "shipped", extra = {}) =>
      listOrderBoard(db, SYSTEM_ACTOR, { tab: name, site: w.site.code, ...extra }, { asOf: AS_OF });
    const pick = await tab("pick");
    expect(pick.counts).toEqual({ pick: 1, late: 1, waiting: 1, ready: 1, shipped: 1 });
    expect(pick.channels).toEqual(["direct", "shop"]);
    expect(pick.rows).toEqual([
      expect.objectContaining({
        id: toPick.id,
        status: "allocated",
        isLate: false,
        lines: 1,
        units: 2,
        backordered: 0,
        promisedShipDate: "2026-12-20",
      }),
    ]);
    expect((await tab("late")).rows).toEqual([expect.objectContaining({ id: waiting.id, isLate: true, backordered: 2, customer: "Bo" })]);
    expect((await tab("waiting")).rows.map((r) => r.number)).toEqual([waiting.number]);
    expect((await tab("ready")).rows.map((r) => r.number)).toEqual([packed.number]);
    expect((await tab("shipped")).rows).toEqual([expect.objectContaining({ number: shipped.number, isLate: false, backordered: 0 })]);

    // The channel narrows the tabs and their counts, never the list of channels to choose from.
    const shop = await tab("ready", { channel: "shop" });
    expect(shop.counts).toEqual({ pick: 0, late: 1, waiting: 1, ready: 1, shipped: 0 });
    expect(shop.channels).toEqual(["direct", "shop"]);
  });

  it("pages in the order the floor works: earliest promise first, then the oldest order; past the end is empty with its counts", async () => {
    const w = await buildWarehouse(db);
    for (const promised of ["2026-12-12", null, "2026-12-10", "2026-12-11"]) await handMade(w.site.id, "picked", promised);
    const page = (n: number) => listOrderBoard(db, SYSTEM_ACTOR, { tab: "ready", site: w.site.code, page: n, pageSize: 10 }, { asOf: AS_OF });
    expect((await page(1)).rows.map((r) => r.promisedShipDate)).toEqual(["2026-12-10", "2026-12-11", "2026-12-12", null]);
    const beyond = await page(2);
    expect(beyond.rows).toEqual([]);
    expect(beyond.counts.ready).toBe(4);
  });

  it("shows a clerk only the orders of their sites", async () => {
    const mine = await buildWarehouse(db);
    const theirs = await buildWarehouse(db);
    const seen = await handMade(mine.site.id, "allocated", null);
    await handMade(theirs.site.id, "allocated", null);
    const clerk = await buildUser(db, "clerk", { sites: [mine.site.code] });
    const board = await listOrderBoard(db, clerk.actor, { tab: "pick" }, { asOf: AS_OF });
    expect(board.rows.map((r) => r.id)).toEqual([seen.id]);
    expect(board.counts.pick).toBe(1);
  });

  it("reads a page in one statement, however many orders and lines it holds", async () => {
    const w = await buildWarehouse(db);
    for (let i = 0; i < 12; i++) {
      const order = await handMade(w.site.id, "allocated", null);
      await db.salesOrderLine.create({ data: { orderId: order.id, lineNo: 1, itemId: w.items.plain.id, quantity: 2 } });
      await db.salesOrderLine.create({ data: { orderId: order.id, lineNo: 2, itemId: w.items.lotted.id, quantity: 1 } });
    }
    // A client of its own that reports each statement, so the count covers exactly this call.
    const logged = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
      log: [{ emit: "event", level: "query" }],
    });
    let queries = 0;
    logged.$on("query", () => queries++);
    const board = await listOrderBoard(logged as unknown as Db, SYSTEM_ACTOR, { tab: "pick", site: w.site.code, pageSize: 10 });
    await logged.$disconnect();
    expect(board.rows).toHaveLength(10);
    expect(board.rows[0]).toMatchObject({ lines: 2, units: 3 });
    expect(queries).toBe(1);
  });
});
