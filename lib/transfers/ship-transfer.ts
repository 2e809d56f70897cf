import type { Actor } from "../auth/actor";
import { SELLABLE_LEVEL } from "../availability/availability-rule";
import { Prisma } from "../db/generated/client";
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
import { endTransferLineHold, type HeldUnits } from "./transfer-holds";
import { transferLocations, type Place } from "./transfer-locations";

type Line = Awaited<ReturnType<typeof linesToShip>>[number];

/**
 * Ships a transfer in full: every line's units leave the source site's bins for the source site's in-transit
 * location (movements of kind transfer_ship, reason "transfer"), in one posting, and the line's hold
 * (transfer-holds.ts) is consumed. The units leave from where they were held; a line's bin may instead be named
 * in `input.lines` (the hold is given back first, so its units count there). A line that holds less than it
 * ships (a transfer drafted before transfers held stock, a count that shrank the hold) takes what is available
 * under the one rule (first-expiring-first for lot items, then the bin holding most). Serial items ship the serials listed on the line, from wherever they are at the site.
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
      // The line's hold ends first (the ledger would not take reserved units); its units are posted below in this
      // transaction, so no one else can take them in between.
      const held = await endTransferLineHold(tx, line.item.id, line.id, "fulfilled");
      const bin = chosenBins.get(line.lineNo);
      const takes =
        line.item.tracking === "serial"
          ? await serialTakes(tx, transfer, line, bin, site.code)
          : !bin && held.reduce((sum, h) => sum + h.quantity, 0) === line.quantity
            ? await heldTakes(tx, held)
            : await stockTakes(tx, transfer, line, bin, site.code);
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
  // A named bin is the clerk's choice and ships whatever is free there; otherwise only what may be promised
  // (lib/availability/availability-rule.ts: not staging, quarantine or lots past expiry).
  const where = bin
    ? Prisma.sql`s."locationId" = ${bin.id}::uuid`
    : Prisma.sql`loc."siteId" = ${transfer.fromSiteId}::uuid AND loc.active AND ${SELLABLE_LEVEL}`;
  const lotFilter = line.lotId ? Prisma.sql`AND s."lotId" = ${line.lotId}::uuid` : Prisma.empty;
  const levels = await tx.$queryRaw<
    { onHand: number; reserved: number; lotId: string | null; lotNumber: string | null; expiresOn: Date | null; location: Place }[]
  >`
    SELECT s."onHand", s.reserved, s."lotId"::text, lot.number AS "lotNumber", lot."expiresOn",
      json_build_object('id', loc.id, 'code', loc.code, 'type', loc.type, 'isVirtual', loc."isVirtual") AS location
    FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s."itemId" = ${line.item.id}::uuid AND s."onHand" > 0 AND ${where} ${lotFilter}`;
  const stock: (BinStock & { place: Place })[] = levels.map((l) => ({
    locationId: l.location.id,
    locationCode: l.location.code,
    lotId: l.lotId,
    lotNumber: l.lotNumber,
    expiresOn: l.expiresOn,
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

/** Where a line's hold was: its units ship from there. */
async function heldTakes(tx: DbTx, held: HeldUnits[]): Promise<Take[]> {
  // One after the other: in a transaction, queries sent together are a batch Prisma compiles each time (unit-of-work.ts).
  const places = await tx.location.findMany({
    where: { id: { in: held.map((h) => h.locationId) } },
    select: { id: true, code: true, type: true, isVirtual: true },
  });
  const lots = await tx.lot.findMany({ where: { id: { in: held.flatMap((h) => (h.lotId ? [h.lotId] : [])) } }, select: { id: true, number: true } });
  return held.map((h) => ({
    from: places.find((p) => p.id === h.locationId)!,
    lotId: h.lotId,
    lotNumber: lots.find((l) => l.id === h.lotId)?.number ?? null,
    quantity: h.quantity,
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
