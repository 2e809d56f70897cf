import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db/client";
import { postResolvedLines, type ResolvedLine } from "../ledger/post-resolved-lines";
import { arrivalLine } from "./arrival-line";
import type { LotInTransit } from "./plan-receipt";
import type { ArrivingLine } from "./receive-transfer";
import type { LockedTransfer } from "./run-transfer-step";
import type { transferLocations } from "./transfer-locations";

type Places = Awaited<ReturnType<typeof transferLocations>>;

/**
 * On close, whatever of the transfer is still in transit never arrived: it leaves the source's TRANSIT location
 * for the source's LOSS location (reason "lost") and is recorded as `short` on its line. Serial units go by
 * serial (those of the line still in transit). Runs in the closing step's transaction, after its receipt, so
 * `inTransit` already has that receipt taken off. Answers the posting (null when nothing was short).
 */
export async function postShortages(
  tx: DbTx,
  actor: Actor,
  transfer: LockedTransfer,
  lines: ArrivingLine[],
  inTransit: Map<string, LotInTransit[]>,
  places: Places,
): Promise<{ postingId: string | null; short: { lineNo: number; sku: string; quantity: number }[] }> {
  const posting: ResolvedLine[] = [];
  const short: { lineId: string; lineNo: number; sku: string; quantity: number }[] = [];
  for (const line of lines) {
    const takes =
      line.item.tracking === "serial"
        ? await serialsInTransit(tx, line, places.sourceTransit.id)
        : (inTransit.get(line.item.id) ?? []).filter((l) => l.quantity > 0);
    let quantity = 0;
    for (const take of takes) {
      posting.push(arrivalLine(transfer, line, { ...take, from: places.sourceTransit, to: places.sourceLoss, reason: "short" }));
      quantity += take.quantity;
    }
    if (quantity > 0) short.push({ lineId: line.id, lineNo: line.lineNo, sku: line.item.sku, quantity });
  }
  if (posting.length === 0) return { postingId: null, short: [] };
  const { postingId } = await postResolvedLines(tx as unknown as Db, {
    action: "transfer.close",
    siteId: transfer.fromSiteId,
    actor,
    lines: posting,
  });
  for (const s of short) await tx.transferLine.update({ where: { id: s.lineId }, data: { shortQuantity: { increment: s.quantity } } });
  return { postingId, short: short.map(({ lineId: _lineId, ...rest }) => rest) };
}

async function serialsInTransit(tx: DbTx, line: ArrivingLine, transitId: string) {
  const units = await tx.serial.findMany({
    where: { itemId: line.item.id, serial: { in: line.serials }, locationId: transitId },
    select: { serial: true, lotId: true, lot: { select: { number: true } } },
  });
  const byLot = new Map<string, { lotId: string | null; lotNumber: string | null; quantity: number; serials: string[] }>();
  for (const unit of units) {
    const group = byLot.get(unit.lotId ?? "") ?? { lotId: unit.lotId, lotNumber: unit.lot?.number ?? null, quantity: 0, serials: [] };
    group.quantity += 1;
    group.serials.push(unit.serial);
    byLot.set(unit.lotId ?? "", group);
  }
  return [...byLot.values()];
}
