/**
 * A year of demo sales for a few item families at the first site, so that the forecast pages have history to
 * work from on a fresh install. Posted as movements dated in the past: one receipt at the start (the stock the
 * item would otherwise open with, plus what the year sold) and a sale on the days something sold. The item ends
 * with exactly its opening quantity, so everything else in the demo is unchanged.
 */
import { randomUUID } from "node:crypto";
import { actorColumns, SYSTEM_ACTOR } from "../lib/auth/actor";
import type { Db } from "../lib/db/client";

/** Two untracked items of three families: steady, seasonal, and slow (intermittent) sellers. */
const HISTORY_SKUS = new Set(["FS-SCR-0001", "FS-SCR-0002", "SF-GLV-0001", "SF-GLV-0002", "PK-BOX-0001", "PK-BOX-0002"]);

export function hasDemoHistory(sku: string) {
  return HISTORY_SKUS.has(sku);
}
const DAYS = 364;

export type HistoryItem = { itemId: string; sku: string; binId: string; supplierLocationId: string; customerLocationId: string; openingQty: number };

/** Daily sales over a year: a weekly rhythm, a seasonal swing for some, long quiet spells for slow movers. */
function salesFor(index: number, random: () => number): number[] {
  const rate = [6, 2.5, 0.4][index % 3]; // mean units a day: steady, medium, slow
  const seasonal = index % 2 === 0;
  return Array.from({ length: DAYS }, (_, day) => {
    const weekday = day % 7 < 5 ? 1.2 : 0.5;
    const season = seasonal ? 1 + 0.4 * Math.sin((2 * Math.PI * day) / DAYS) : 1;
    const mean = rate * weekday * season;
    // Poisson by inversion: small counts, often zero for the slow movers.
    let k = 0;
    for (let p = Math.exp(-mean), s = p, u = random(); u > s; k++) s += p *= mean / (k + 1);
    return k;
  });
}

export async function seedSalesHistory(db: Db, items: HistoryItem[], random: () => number, today: Date) {
  const rows: { itemId: string; kind: "receive" | "issue"; from: string; to: string; quantity: number; at: Date; reason: string }[] = [];
  items.forEach((item, index) => {
    const sales = salesFor(index, random);
    const start = new Date(today.getTime() - (DAYS + 1) * 86_400_000);
    const sold = sales.reduce((a, b) => a + b, 0);
    rows.push({
      itemId: item.itemId,
      kind: "receive",
      from: item.supplierLocationId,
      to: item.binId,
      quantity: item.openingQty + sold,
      at: start,
      reason: "received",
    });
    sales.forEach((quantity, day) => {
      if (quantity > 0) {
        const at = new Date(start.getTime() + (day + 1) * 86_400_000 + 10 * 3_600_000);
        rows.push({ itemId: item.itemId, kind: "issue", from: item.binId, to: item.customerLocationId, quantity, at, reason: "sold" });
      }
    });
  });
  const postingId = randomUUID();
  await db.$transaction(
    async (tx) => {
      await tx.stockMovement.createMany({
        data: rows.map((r) => ({
          postingId,
          kind: r.kind,
          itemId: r.itemId,
          quantity: r.quantity,
          fromLocationId: r.from,
          toLocationId: r.to,
          reasonCode: r.reason,
          reference: "DEMO-HISTORY",
          ...actorColumns(SYSTEM_ACTOR),
          at: r.at,
        })),
      });
      // Each item's bin ends with what the year left there: its opening quantity.
      await tx.$executeRaw`
      INSERT INTO "StockLevel" (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", "updatedAt")
      SELECT gen_random_uuid(), i."itemId", i."binId", NULL, false, i.qty, now()
      FROM unnest(${items.map((i) => i.itemId)}::uuid[], ${items.map((i) => i.binId)}::uuid[], ${items.map((i) => i.openingQty)}::int[]) AS i("itemId", "binId", qty)
      ON CONFLICT ("itemId", "locationId", "lotId") DO UPDATE SET "onHand" = "StockLevel"."onHand" + EXCLUDED."onHand", "updatedAt" = now()`;
    },
    { timeout: 60_000 },
  );
}
