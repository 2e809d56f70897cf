// A small warehouse whose dashboard figures were worked out by hand (lib/dashboard/manager-dashboard.int.test.ts):
// receipts backdated before a 10-day period ending today, one sale backdated into it, the rest posted today.
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import type { OrderStatus } from "../../lib/db/generated/client";
import { postMovement } from "../../lib/ledger/post-movement";
import { afterEventsWritten } from "../../lib/system/after-events-written";
import { backdatePosting } from "./backdate";
import { buildItem } from "./catalog";
import { relayAll } from "./events";
import { buildWarehouse } from "./stock";

const DAY = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const noonDaysAgo = (n: number) => new Date(`${daysAgo(n)}T12:00:00Z`);

let sequence = 0;

/**
 * Values (what the ledger makes of the unit costs, by when things happened): P 100 × 2.00, Q 10 × 3.00, L1 6 × 1.50
 * and S 4 × 2.00; the backdated postings happened (occurredAt) when they are backdated to.
 * Site W: P 100 in (20 days ago), 20 sold 5 days ago, 10 sold and 5 lost today → 65; Q 10 in, never sold (dead);
 * lot L1 of the lotted item, 6 in, expiring in 10 days (dead too); S 4 in and 4 sold today (a stockout). Orders
 * made straight in the table, as the on-time figures' test makes them. Another site has stock that must not show.
 */
export async function buildDashboardData(db: Db) {
  const w = await buildWarehouse(db);
  const elsewhere = await buildWarehouse(db);
  const move = (input: Record<string, unknown>) => postMovement(db, SYSTEM_ACTOR, input as Parameters<typeof postMovement>[2]);
  const a1 = w.bins.a1.code;
  const { plain: p, lotted } = w.items;
  const made = [await buildItem(db), await buildItem(db)];
  const [q, s] = await Promise.all(made.map((item) => db.item.findFirstOrThrow({ where: { sku: item.sku } })));
  const backdated = async (input: Record<string, unknown>, daysBack: number) =>
    backdatePosting(db, (await move({ ...input, occurredAt: noonDaysAgo(daysBack).toISOString() })).postingId, noonDaysAgo(daysBack));

  await backdated({ kind: "receive", sku: p.sku, quantity: 100, to: a1, reason: "received", unitCost: "2.00" }, 20);
  await backdated({ kind: "receive", sku: q.sku, quantity: 10, to: a1, reason: "received", unitCost: "3.00" }, 20);
  await backdated(
    { kind: "receive", sku: lotted.sku, quantity: 6, to: w.bins.a2.code, reason: "received", lot: "L1", expiresAt: daysAgo(-10), unitCost: "1.50" },
    20,
  );
  await backdated({ kind: "issue", sku: p.sku, quantity: 20, from: a1, reason: "sold" }, 5);
  await move({ kind: "issue", sku: p.sku, quantity: 10, from: a1, reason: "sold" });
  await move({ kind: "loss", sku: p.sku, quantity: 5, from: a1, reason: "lost" });
  await move({ kind: "receive", sku: s.sku, quantity: 4, to: a1, reason: "received", unitCost: "2.00" });
  await move({ kind: "issue", sku: s.sku, quantity: 4, from: a1, reason: "sold" });
  await relayAll(db, afterEventsWritten);

  await move({ kind: "receive", sku: elsewhere.items.plain.sku, quantity: 7, to: elsewhere.bins.a1.code, reason: "received" });
  await move({ kind: "issue", sku: elsewhere.items.plain.sku, quantity: 3, from: elsewhere.bins.a1.code, reason: "sold" });

  const order = async (status: OrderStatus, promised: string, shipped: string | null, lines: [string, number, number][]) =>
    db.salesOrder.create({
      data: {
        reference: `DASH-${Date.now()}-${sequence++}`,
        customerName: "Hand-made",
        siteId: w.site.id,
        status,
        promisedShipDate: new Date(`${promised}T00:00:00Z`),
        shippedAt: shipped ? new Date(`${shipped}T10:00:00Z`) : null,
        createdByLabel: "test",
        lines: { create: lines.map(([itemId, quantity, shippedUnits], i) => ({ lineNo: i + 1, itemId, quantity, shipped: shippedUnits })) },
      },
    });
  await order("shipped", daysAgo(3), daysAgo(3), [
    [p.id, 10, 10],
    [s.id, 2, 2],
  ]); // on time: 12 of 12 filled
  await order("shipped", daysAgo(2), daysAgo(1), [[p.id, 5, 5]]); // a day late: 0 of 5
  await order("allocated", daysAgo(4), null, [[q.id, 3, 0]]); // never shipped, past due: 0 of 3
  await order("cancelled", daysAgo(4), null, [[q.id, 9, 0]]); // not counted
  await order("allocated", daysAgo(0), null, [[q.id, 9, 0]]); // due today: not late yet
  await order("allocated", daysAgo(-2), null, [[q.id, 9, 0]]); // not due yet
  return { w, elsewhere, p, q, s, lotted };
}
