import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { RetryableConflict } from "../db/unit-of-work";
import { InsufficientStock, SerialNotAtSource } from "../ledger/errors";
import { postResolvedLines, type ResolvedLine } from "../ledger/post-resolved-lines";
import { locationFlags } from "../ledger/posting-function";
import { allocatePick, type BinStock } from "../picking/allocate-pick";
import { isApprovalNeeded, transferApprovalLimit } from "./approval-limit";
import { TransferNeedsApproval, TransferNotAllowedNow, TransferRefused } from "./errors";
import { runTransferStep, type LockedTransfer } from "./run-transfer-step";
import { shipInput, type ShipInput, type TransferView } from "./schemas";
import { transferLocations, type Place } from "./transfer-locations";

type Line = Awaited<ReturnType<typeof linesToShip>>[number];

/**
 * Ships a transfer in full: every line's units leave the source site's bins for the source site's in-transit
 * location (movements of kind transfer_ship, reason "transfer"), in one posting. A line's bin may be named in
 * `input.lines`; otherwise the bins holding the stock are chosen (first-expiring-first for lot items, then the
 * bin holding most). Serial items ship the serials listed on the line, from wherever they are at the site.
 * Needs stock.move at the source site, status approved, or draft when the value needs no approval.
 * Throws InsufficientStock / SerialNotAtSource (409) when the site does not hold the units; nothing moves then.
 */
export async function shipTransfer(
  db: Db,
  actor: Actor,
  transferId: string,
  input: ShipInput = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<TransferView> {
  const data = shipInput.parse(input);
  return runTransferStep(db, actor, transferId, options, async (tx, transfer) => {
    authorize(actor, "stock.move", { siteId: transfer.fromSiteId });
    if (transfer.status !== "draft" && transfer.status !== "approved")
      throw new TransferNotAllowedNow({ transferId, status: transfer.status, step: "shipped" });
    const limit = transferApprovalLimit();
    if (transfer.status === "draft" && isApprovalNeeded(transfer.value, limit))
      throw new TransferNeedsApproval({ transferId, value: transfer.value, limit });

    const lines = await linesToShip(tx, transferId);
    const chosenBins = await binsNamed(tx, transfer, lines, data.lines ?? []);
    const places = await transferLocations(tx, transfer);
    const site = await tx.site.findUniqueOrThrow({ where: { id: transfer.fromSiteId }, select: { code: true } });
    const posting: ResolvedLine[] = [];
    for (const line of lines) {
      const takes =
        line.item.tracking === "serial"
          ? await serialTakes(tx, transfer, line, chosenBins.get(line.lineNo), site.code)
          : await stockTakes(tx, transfer, line, chosenBins.get(line.lineNo), site.code);
      for (const take of takes) posting.push(shipLine(line, take, places.sourceTransit, transfer));
    }
    let postingId: string | null;
    try {
      ({ postingId } = await postResolvedLines(tx as unknown as Db, { action: "transfer.ship", siteId: transfer.fromSiteId, actor, lines: posting }));
    } catch (error) {
      // The stock was there when planned and gone when posted: plan again in a fresh transaction.
      if (error instanceof InsufficientStock || error instanceof SerialNotAtSource) throw RetryableConflict.of(error);
      throw error;
    }
    for (const line of lines) await tx.transferLine.update({ where: { id: line.id }, data: { shippedQuantity: line.quantity } });
    return { status: "shipped", steps: [{ step: "shipped", postingId, siteId: transfer.fromSiteId }] };
  });
}

function linesToShip(tx: DbTx, transferId: string) {
  return tx.transferLine.findMany({
    where: { transferId },
    orderBy: { lineNo: "asc" },
    select: {
      id: true,
      lineNo: true,
      quantity: true,
      lotId: true,
      serials: true,
      item: { select: { id: true, sku: true, tracking: true } },
      lot: { select: { number: true } },
    },
  });
}

/** The bins named in the request, checked: a line of this transfer, a bin at the source site that holds stock. */
async function binsNamed(tx: DbTx, transfer: LockedTransfer, lines: Line[], named: { lineNo: number; from: string }[]) {
  const bins = await tx.location.findMany({
    where: { code: { in: named.map((n) => n.from) } },
    select: { id: true, code: true, siteId: true, type: true, isVirtual: true, active: true },
  });
  const chosen = new Map<number, Place>();
  for (const [index, { lineNo, from }] of named.entries()) {
    if (!lines.some((line) => line.lineNo === lineNo)) throw new TransferRefused(`lines.${index}.lineNo`, `This transfer has no line ${lineNo}`);
    if (chosen.has(lineNo)) throw new TransferRefused(`lines.${index}.lineNo`, `Line ${lineNo} is listed twice`);
    const bin = bins.find((b) => b.code === from);
    if (!bin || bin.siteId !== transfer.fromSiteId)
      throw new TransferRefused(`lines.${index}.from`, `No location at the source site has the code ${from}`);
    if (bin.isVirtual || bin.type === "site") throw new TransferRefused(`lines.${index}.from`, `${bin.code} does not hold stock: name a bin`);
    if (!bin.active) throw new TransferRefused(`lines.${index}.from`, `${bin.code} is archived`);
    chosen.set(lineNo, bin);
  }
  return chosen;
}

type Take = { from: Place; lotId: string | null; lotNumber: string | null; quantity: number; serials?: string[] };

async function stockTakes(tx: DbTx, transfer: LockedTransfer, line: Line, bin: Place | undefined, siteCode: string): Promise<Take[]> {
  const levels = await tx.stockLevel.findMany({
    where: {
      itemId: line.item.id,
      onHand: { gt: 0 },
      ...(line.lotId ? { lotId: line.lotId } : {}),
      ...(bin ? { locationId: bin.id } : { location: { siteId: transfer.fromSiteId, isVirtual: false, active: true } }),
    },
    select: {
      onHand: true,
      reserved: true,
      lotId: true,
      location: { select: { id: true, code: true, type: true, isVirtual: true } },
      lot: { select: { number: true, expiresOn: true } },
    },
  });
  const stock: (BinStock & { place: Place })[] = levels.map((l) => ({
    locationId: l.location.id,
    locationCode: l.location.code,
    lotId: l.lotId,
    lotNumber: l.lot?.number ?? null,
    expiresOn: l.lot?.expiresOn ?? null,
    available: l.onHand - l.reserved,
    place: l.location,
  }));
  const takes = allocatePick(stock, line.quantity, line.item.tracking === "lot");
  if (!takes) {
    const available = stock.reduce((sum, s) => sum + Math.max(0, s.available), 0);
    throw new InsufficientStock({
      sku: line.item.sku,
      location: bin?.code ?? siteCode,
      lot: line.lot?.number ?? null,
      requested: line.quantity,
      available,
    });
  }
  return takes.map((take) => ({
    from: (take.stock as BinStock & { place: Place }).place,
    lotId: take.stock.lotId,
    lotNumber: take.stock.lotNumber,
    quantity: take.quantity,
  }));
}

/** Serial units ship from wherever each is at the source site (or must all be in the named bin). */
async function serialTakes(tx: DbTx, transfer: LockedTransfer, line: Line, bin: Place | undefined, siteCode: string): Promise<Take[]> {
  const units = await tx.serial.findMany({
    where: { itemId: line.item.id, serial: { in: line.serials } },
    select: {
      serial: true,
      lotId: true,
      lot: { select: { number: true } },
      location: { select: { id: true, code: true, siteId: true, type: true, isVirtual: true } },
    },
  });
  const here = units.filter(
    (u) => u.location && u.location.siteId === transfer.fromSiteId && !u.location.isVirtual && (!bin || u.location.id === bin.id),
  );
  if (here.length !== line.serials.length) {
    const found = new Set(here.map((u) => u.serial));
    throw new SerialNotAtSource({ sku: line.item.sku, location: bin?.code ?? siteCode, serials: line.serials.filter((s) => !found.has(s)) });
  }
  const groups = new Map<string, Take>();
  for (const unit of here) {
    const key = `${unit.location!.id}|${unit.lotId ?? ""}`;
    const take = groups.get(key) ?? { from: unit.location!, lotId: unit.lotId, lotNumber: unit.lot?.number ?? null, quantity: 0, serials: [] };
    take.quantity += 1;
    take.serials!.push(unit.serial);
    groups.set(key, take);
  }
  return [...groups.values()];
}

function shipLine(line: Line, take: Take, transit: Place, transfer: LockedTransfer): ResolvedLine {
  return {
    kind: "transfer_ship",
    itemId: line.item.id,
    quantity: take.quantity,
    lotId: take.lotId,
    serials: take.serials,
    fromLocationId: take.from.id,
    toLocationId: transit.id,
    ...locationFlags(take.from, transit),
    reasonCode: "transfer",
    reference: transfer.reference ?? transfer.id,
    note: `transfer ${transfer.id} line ${line.lineNo}`,
    sku: line.item.sku,
    sourceCode: take.from.code,
    lot: take.lotNumber,
  };
}
