import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { postResolvedLines, type ResolvedLine } from "../ledger/post-resolved-lines";
import { storageViolations } from "../ledger/storage-conditions";
import { arrivalLine } from "./arrival-line";
import { postShortages } from "./post-shortages";
import { TransferNotAllowedNow, TransferRefused } from "./errors";
import { lotsInTransit, takeFromTransit } from "./lots-in-transit";
import { planReceipt, type LotInTransit } from "./plan-receipt";
import { runTransferStep, type LockedTransfer, type StepOutcome } from "./run-transfer-step";
import { receiveInput, type ParsedReceiveInput, type ReceiveInput, type TransferView } from "./schemas";
import { transferLocations, type Place } from "./transfer-locations";

type Places = Awaited<ReturnType<typeof transferLocations>>;
type ReceiptLine = ParsedReceiveInput["lines"][number];
export type ArrivingLine = Awaited<ReturnType<typeof arrivingLines>>[number];
type Counts = { received: number; damaged: number; over: number };

/**
 * Receives (part of) a shipped transfer at the destination, in one posting: good units from the source's
 * TRANSIT location into the named destination bins, damaged units to the destination's DAMAGE location, and good
 * units beyond what is still in transit — an over-receipt — from the destination's LOSS location (reason
 * "found"), recorded as `over` on the line. With `close`, whatever is still in transit then goes to the source's
 * LOSS location as `short` (post-shortages.ts) and the transfer is closed; otherwise it is `receiving`.
 * Needs stock.move at the destination site and status shipped or receiving.
 */
export async function receiveTransfer(
  db: Db,
  actor: Actor,
  transferId: string,
  input: ReceiveInput,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<TransferView> {
  const data = receiveInput.parse(input);
  return runTransferStep(db, actor, transferId, options, async (tx, transfer) => {
    authorize(actor, "stock.move", { siteId: transfer.toSiteId });
    if (transfer.status !== "shipped" && transfer.status !== "receiving") {
      throw new TransferNotAllowedNow({ transferId, status: transfer.status, step: data.lines.length > 0 ? "received" : "closed" });
    }
    const places = await transferLocations(tx, transfer);
    const lines = await arrivingLines(tx, transferId);
    const inTransit = await lotsInTransit(tx, transferId, places.sourceTransit.id);
    const outcome: StepOutcome = { status: data.close ? "closed" : "receiving", steps: [] };

    if (data.lines.length > 0) {
      const { posting, counts } = await planArrival(tx, transfer, data.lines, lines, inTransit, places);
      const { postingId } = await postResolvedLines(tx as unknown as Db, {
        action: "transfer.receive",
        siteId: transfer.toSiteId,
        actor,
        lines: posting,
      });
      for (const [lineId, c] of counts) {
        await tx.transferLine.update({
          where: { id: lineId },
          data: { receivedQuantity: { increment: c.received }, damagedQuantity: { increment: c.damaged }, overQuantity: { increment: c.over } },
        });
      }
      outcome.steps.push({ step: "received", postingId, siteId: transfer.toSiteId, detail: { lines: data.lines } });
    }
    if (data.close) {
      const { postingId, short } = await postShortages(tx, actor, transfer, lines, inTransit, places);
      outcome.steps.push({ step: "closed", postingId, siteId: transfer.toSiteId, detail: { short } });
    }
    return outcome;
  });
}

function arrivingLines(tx: DbTx, transferId: string) {
  return tx.transferLine.findMany({
    where: { transferId },
    orderBy: { lineNo: "asc" },
    select: {
      id: true,
      lineNo: true,
      serials: true,
      item: {
        select: { id: true, sku: true, skuKey: true, tracking: true, tempMinC: true, tempMaxC: true, humidityMaxPct: true, hazardClass: true },
      },
    },
  });
}

/** Every receipt line checked and split into ledger lines; the working transit balances are taken down as it goes. */
async function planArrival(
  tx: DbTx,
  transfer: LockedTransfer,
  receipt: ReceiptLine[],
  lines: ArrivingLine[],
  inTransit: Map<string, LotInTransit[]>,
  places: Places,
) {
  const bins = await tx.location.findMany({
    where: { code: { in: receipt.flatMap((r) => (r.to ? [r.to] : [])) } },
    select: {
      id: true,
      code: true,
      siteId: true,
      type: true,
      isVirtual: true,
      active: true,
      tempMinC: true,
      tempMaxC: true,
      humidityMaxPct: true,
      hazardClasses: true,
    },
  });
  const namedLots = await tx.lot.findMany({
    where: { OR: receipt.flatMap((r) => (r.lot ? [{ number: r.lot, item: { skuKey: r.sku.toLowerCase() } }] : [])) },
    select: { id: true, itemId: true, number: true, expiresOn: true },
  });
  const posting: ResolvedLine[] = [];
  const counts = new Map<string, Counts>();
  for (const [index, r] of receipt.entries()) {
    const field = (name: string) => `lines.${index}.${name}`;
    const line = lines.find((l) => l.item.skuKey === r.sku.toLowerCase());
    if (!line) throw new TransferRefused(field("sku"), `${r.sku} is not on this transfer`);
    const bin =
      r.quantity > 0
        ? checkedBin(
            bins.find((b) => b.code === r.to),
            r.to!,
            line,
            transfer,
            field("to"),
          )
        : null;
    if (r.lot && line.item.tracking === "none") throw new TransferRefused(field("lot"), `${line.item.sku} is not lot-tracked`);
    const lot = r.lot ? namedLots.find((l) => l.itemId === line.item.id && l.number === r.lot) : undefined;
    if (r.lot && !lot) throw new TransferRefused(field("lot"), `${line.item.sku} has no lot ${r.lot}`);

    const lineCounts = counts.get(line.id) ?? { received: 0, damaged: 0, over: 0 };
    counts.set(line.id, lineCounts);
    const damaged = r.damaged ?? 0;
    if (line.item.tracking === "serial") {
      posting.push(...(await serialArrival(tx, transfer, line, r, bin, inTransit, places, field)));
      lineCounts.received += r.quantity;
      lineCounts.damaged += damaged;
      continue;
    }
    const lots = inTransit.get(line.item.id) ?? [];
    const pool = lot ? lots.filter((l) => l.lotId === lot.id) : lots;
    const plan = planReceipt(pool, r.quantity, damaged);
    if (!plan) {
      const left = pool.reduce((sum, l) => sum + Math.max(0, l.quantity), 0);
      throw new TransferRefused(
        field("damaged"),
        `Only ${left} of ${line.item.sku}${lot ? ` lot ${lot.number}` : ""} still in transit; ${damaged} damaged is more`,
      );
    }
    for (const take of plan.damaged) {
      takeFromTransit(lots, take.lotId, take.quantity);
      posting.push(arrivalLine(transfer, line, { ...take, from: places.sourceTransit, to: places.destinationDamage, reason: "damaged" }));
    }
    for (const take of plan.good) {
      takeFromTransit(lots, take.lotId, take.quantity);
      posting.push(arrivalLine(transfer, line, { ...take, from: places.sourceTransit, to: bin!, reason: "good" }));
    }
    if (plan.over > 0) {
      const overLot = lotOfOver(line, lot, lots, field("lot"));
      posting.push(arrivalLine(transfer, line, { ...overLot, quantity: plan.over, from: places.destinationLoss, to: bin!, reason: "over" }));
    }
    lineCounts.received += r.quantity;
    lineCounts.damaged += damaged;
    lineCounts.over += plan.over;
  }
  return { posting, counts };
}

type Bin = Place & { siteId: string; active: boolean; tempMinC: unknown; tempMaxC: unknown; humidityMaxPct: number | null; hazardClasses: string[] };

function checkedBin(bin: Bin | undefined, code: string, line: ArrivingLine, transfer: LockedTransfer, field: string): Place {
  if (!bin || bin.siteId !== transfer.toSiteId) throw new TransferRefused(field, `No location at the destination site has the code ${code}`);
  if (bin.isVirtual || bin.type === "site") throw new TransferRefused(field, `${bin.code} cannot hold stock: use a zone, aisle, rack, shelf or bin`);
  if (!bin.active) throw new TransferRefused(field, `${bin.code} is archived`);
  const violations = storageViolations(line.item, bin as Parameters<typeof storageViolations>[1]);
  if (violations.length > 0) throw new TransferRefused(field, `${bin.code} does not suit ${line.item.sku}: ${violations.join("; ")}`);
  return bin;
}

/** The lot that units beyond the shipment are booked in: the one named, or the only lot shipped. */
function lotOfOver(line: ArrivingLine, named: { id: string; number: string } | undefined, shipped: LotInTransit[], field: string) {
  if (line.item.tracking === "none") return { lotId: null, lotNumber: null };
  if (named) return { lotId: named.id, lotNumber: named.number };
  if (shipped.length === 1) return { lotId: shipped[0].lotId, lotNumber: shipped[0].lotNumber };
  throw new TransferRefused(field, `More ${line.item.sku} arrived than was shipped: name the lot of the extra units`);
}

/** Serial units arrive by serial: each must be one this line shipped (the ledger checks it is still in transit). */
async function serialArrival(
  tx: DbTx,
  transfer: LockedTransfer,
  line: ArrivingLine,
  r: ReceiptLine,
  bin: Place | null,
  inTransit: Map<string, LotInTransit[]>,
  places: Places,
  field: (name: string) => string,
): Promise<ResolvedLine[]> {
  const good = r.serials ?? [];
  const bad = r.damagedSerials ?? [];
  if (good.length !== r.quantity)
    throw new TransferRefused(field("serials"), `${line.item.sku} is serial-tracked: list one serial per good unit (${r.quantity})`);
  if (bad.length !== (r.damaged ?? 0)) throw new TransferRefused(field("damagedSerials"), `List one serial per damaged unit (${r.damaged ?? 0})`);
  const foreign = [...good, ...bad].filter((s) => !line.serials.includes(s));
  if (foreign.length > 0) throw new TransferRefused(field("serials"), `Not shipped on this transfer: ${foreign.join(", ")}`);
  const units = await tx.serial.findMany({
    where: { itemId: line.item.id, serial: { in: [...good, ...bad] } },
    select: { serial: true, lotId: true, lot: { select: { number: true } } },
  });
  const lines: ResolvedLine[] = [];
  for (const [serials, to, reason] of [
    [good, bin, "good"],
    [bad, places.destinationDamage, "damaged"],
  ] as const) {
    const byLot = new Map<string, { lotId: string | null; lotNumber: string | null; serials: string[] }>();
    for (const unit of units.filter((u) => serials.includes(u.serial))) {
      const group = byLot.get(unit.lotId ?? "") ?? { lotId: unit.lotId, lotNumber: unit.lot?.number ?? null, serials: [] };
      group.serials.push(unit.serial);
      byLot.set(unit.lotId ?? "", group);
    }
    for (const group of byLot.values()) {
      takeFromTransit(inTransit.get(line.item.id), group.lotId, group.serials.length);
      lines.push(arrivalLine(transfer, line, { ...group, quantity: group.serials.length, from: places.sourceTransit, to: to!, reason }));
    }
  }
  return lines;
}
