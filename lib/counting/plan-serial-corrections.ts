import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import type { DbTx } from "../db/client";
import { ValidationFailed } from "../domain-error";
import type { MovementInput } from "../ledger/schemas";

type Counted = { id: string; siteId: string; locationIds: string[]; codeById: Map<string, string> };

/**
 * What a count of serial-tracked items must post. The ledger counts them serial by serial rather than by
 * quantity: a serial recorded under the counted location but not scanned is lost; one scanned where the ledger
 * does not have it is moved there from the bin it was recorded in (or found, when it had been written off as
 * lost). Serials never received, or last seen outside the site, are refused: they need a receipt or a return
 * (naming where they were seen only when the actor may see that site). Movements are grouped per kind, bins and lot; each carries its serials.
 */
export async function planSerialCorrections(tx: DbTx, actor: Actor, count: Counted, itemIds: string[], reference: string): Promise<MovementInput[]> {
  if (itemIds.length === 0) return [];
  const scans = await tx.countScan.findMany({
    where: { sessionId: count.id, itemId: { in: itemIds }, serial: { not: null } },
    select: { itemId: true, serial: true, locationId: true },
  });
  const recorded = await tx.serial.findMany({
    where: {
      itemId: { in: itemIds },
      OR: [{ locationId: { in: count.locationIds } }, { serial: { in: scans.map((s) => s.serial!) } }],
    },
    select: {
      itemId: true,
      serial: true,
      locationId: true,
      item: { select: { sku: true } },
      lot: { select: { number: true } },
      location: { select: { code: true, type: true, siteId: true, isVirtual: true } },
    },
  });
  const key = (itemId: string, serial: string) => `${itemId}|${serial}`;
  const recordedBySerial = new Map(recorded.map((r) => [key(r.itemId, r.serial), r]));
  const scannedSerials = new Set(scans.map((s) => key(s.itemId, s.serial!)));
  const groups = new Map<string, MovementInput & { serials: string[] }>();
  const add = (kind: "loss" | "move" | "found", sku: string, lot: string | undefined, serial: string, ends: { from?: string; to?: string }) => {
    const groupKey = [kind, sku, lot ?? "", ends.from ?? "", ends.to ?? ""].join("|");
    if (!groups.has(groupKey)) groups.set(groupKey, { kind, sku, lot, ...ends, quantity: 0, serials: [], reason: "count", reference });
    const group = groups.get(groupKey)!;
    group.serials.push(serial);
    group.quantity = group.serials.length;
  };

  const inCount = new Set(count.locationIds);
  for (const r of recorded) {
    if (r.locationId && inCount.has(r.locationId) && !scannedSerials.has(key(r.itemId, r.serial))) {
      add("loss", r.item.sku, r.lot?.number, r.serial, { from: r.location!.code });
    }
  }
  const refusals: string[] = [];
  for (const scan of scans) {
    const r = recordedBySerial.get(key(scan.itemId, scan.serial!));
    const bin = count.codeById.get(scan.locationId)!;
    if (!r) {
      refusals.push(`serial ${scan.serial} was never received: receive it into ${bin} first`);
    } else if (r.locationId === scan.locationId) {
      continue;
    } else if (r.location && r.location.siteId === count.siteId && !r.location.isVirtual) {
      add("move", r.item.sku, r.lot?.number, r.serial, { from: r.location.code, to: bin });
    } else if (r.location && r.location.siteId === count.siteId && r.location.type === "loss") {
      add("found", r.item.sku, r.lot?.number, r.serial, { to: bin });
    } else {
      // The counter works at the count's site: where the unit is recorded elsewhere is said only if they may see it.
      const recordedAt = !r.location ? "no location" : can(actor, "stock.view", { siteId: r.location.siteId }) ? r.location.code : "another site";
      refusals.push(`serial ${r.serial} of ${r.item.sku} is recorded at ${recordedAt}: return or transfer it first`);
    }
  }
  if (refusals.length > 0) throw new ValidationFailed(refusals.map((message) => ({ field: "scans", message })));
  return [...groups.values()];
}
