import type { DbTx } from "../db/client";
import type { LotInTransit } from "./plan-receipt";

/**
 * What of each item is still in transit on this transfer, per lot, read from the ledger: the movements of the
 * transfer's own postings into the source's TRANSIT location less those out of it. (The TRANSIT level itself is
 * shared by every transfer leaving the site, so it cannot say which units are this transfer's.)
 * Read under the transfer's row lock, so no other step of this transfer changes it meanwhile.
 */
export async function lotsInTransit(tx: DbTx, transferId: string, transitId: string): Promise<Map<string, LotInTransit[]>> {
  const steps = await tx.transferStep.findMany({ where: { transferId, postingId: { not: null } }, select: { postingId: true } });
  const movements = await tx.stockMovement.findMany({
    where: { postingId: { in: steps.map((s) => s.postingId!) }, OR: [{ toLocationId: transitId }, { fromLocationId: transitId }] },
    select: { itemId: true, lotId: true, quantity: true, toLocationId: true, lot: { select: { number: true, expiresOn: true } } },
  });
  const byItem = new Map<string, LotInTransit[]>();
  for (const m of movements) {
    const lots = byItem.get(m.itemId) ?? [];
    let lot = lots.find((l) => l.lotId === m.lotId);
    if (!lot) {
      lot = { lotId: m.lotId, lotNumber: m.lot?.number ?? null, expiresOn: m.lot?.expiresOn ?? null, quantity: 0 };
      lots.push(lot);
    }
    lot.quantity += m.toLocationId === transitId ? m.quantity : -m.quantity;
    byItem.set(m.itemId, lots);
  }
  return byItem;
}

/** Takes units of a lot out of the working balance, as a step posts them. */
export function takeFromTransit(lots: LotInTransit[] | undefined, lotId: string | null, quantity: number) {
  const lot = lots?.find((l) => l.lotId === lotId);
  if (lot) lot.quantity -= quantity;
}
