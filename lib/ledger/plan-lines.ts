/**
 * One movement request → the ledger lines to post, with every rule of its kind checked: which ends it has, who
 * may post at that site, storage conditions, lots (FEFO when none is named), serials, counts.
 */
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/can";
import type { Db } from "../db/client";
import { allocateFefo } from "./fefo";
import { InsufficientStock, MovementRefused } from "./errors";
import { COUNT_REASON, KIND_RULES } from "./movement-kinds";
import { locationFlags, type PostingLine } from "./posting-function";
import type { References, ResolvedItem, ResolvedLocation } from "./resolve-references";
import type { ParsedMovementInput } from "./schemas";
import { storageViolations } from "./storage-conditions";

export type PlannedMovement = {
  index?: number;
  /** Whether the plan read stock (FEFO, counts): such a plan is redone when stock moved before it posted. */
  readStock: boolean;
  siteId: string;
  item: ResolvedItem;
  lines: PostingLine[];
  /** The location each line takes stock from, for messages about short stock. */
  sourceCodes: string[];
  /** The physical location the request is about (counted, or where stock arrives or leaves). */
  locationCode: string;
};

const INBOUND = new Set(["receive", "found", "return"]);

function physicalEnd(refs: References, code: string | undefined, field: "from" | "to", index?: number): ResolvedLocation {
  if (!code) throw new MovementRefused(field, `Name the location (${field})`, index);
  const location = refs.locations.get(code);
  if (!location) throw new MovementRefused(field, `No location has the code ${code}`, index);
  if (location.isVirtual || location.type === "site") {
    throw new MovementRefused(field, `${code} cannot hold stock: use a zone, aisle, rack, shelf or bin`, index);
  }
  if (!location.active) throw new MovementRefused(field, `${code} is archived`, index);
  return location;
}

function checkConditions(actor: Actor, item: ResolvedItem, destination: ResolvedLocation, input: ParsedMovementInput, index?: number) {
  const violations = storageViolations(item, destination);
  if (violations.length === 0) return;
  if (input.overrideConditions && can(actor, "stock.approve", { siteId: destination.siteId })) return;
  const reason = `${destination.code} does not suit ${item.sku}: ${violations.join("; ")}`;
  throw new MovementRefused("to", input.overrideConditions ? `${reason}. Only a manager may override` : reason, index);
}

/**
 * The lot a movement names: an existing one, or for a receipt a new one, which the posting function creates in
 * the posting's own transaction (race-free; a refused posting leaves no lot behind). Undefined when none is
 * named (serial items may go without; lot items get FEFO), null for an item without lots.
 */
async function lotFor(
  db: Db,
  item: ResolvedItem,
  input: ParsedMovementInput,
  inbound: boolean,
  index?: number,
): Promise<PlannedLot | null | undefined> {
  if (item.tracking === "none") {
    if (input.lot) throw new MovementRefused("lot", `${item.sku} is not lot-tracked`, index);
    return null;
  }
  if (!input.lot) return undefined;
  const existing = await db.lot.findUnique({ where: { itemId_number: { itemId: item.id, number: input.lot } }, select: { id: true } });
  if (existing) return { lotId: existing.id };
  if (!inbound) throw new MovementRefused("lot", `${item.sku} has no lot ${input.lot}`, index);
  if (!input.expiresAt && item.tracking === "lot") throw new MovementRefused("expiresAt", `Enter the expiry date of the new lot ${input.lot}`, index);
  return { lotId: null, newLot: { number: input.lot, expiresOn: input.expiresAt ?? null, manufacturedOn: input.manufacturedAt ?? null } };
}

type PlannedLot = { lotId: string | null; newLot?: NonNullable<PostingLine["newLot"]> };

async function fefoTakes(db: Db, item: ResolvedItem, from: ResolvedLocation, quantity: number, index?: number) {
  const levels = await db.stockLevel.findMany({
    where: { itemId: item.id, locationId: from.id, lotId: { not: null } },
    select: { onHand: true, reserved: true, lot: { select: { id: true, number: true, expiresOn: true } } },
  });
  const lots = levels.map((l) => ({ lotId: l.lot!.id, lotNumber: l.lot!.number, expiresOn: l.lot!.expiresOn, available: l.onHand - l.reserved }));
  const takes = allocateFefo(lots, quantity);
  if (takes) return takes;
  const available = lots.reduce((sum, lot) => sum + Math.max(0, lot.available), 0);
  throw new InsufficientStock({ sku: item.sku, location: from.code, lot: null, requested: quantity, available, index });
}

export async function planMovement(db: Db, actor: Actor, refs: References, input: ParsedMovementInput, index?: number): Promise<PlannedMovement> {
  const item = refs.items.get(input.sku.toLowerCase());
  if (!item) throw new MovementRefused("sku", `No item has the SKU ${input.sku}`, index);
  if (!item.active) throw new MovementRefused("sku", `${item.sku} is archived`, index);
  if (!(await refs.isReasonCode(input.reason))) throw new MovementRefused("reason", `Unknown reason code ${input.reason}`, index);
  if (input.kind === "count") return planCount(db, actor, refs, item, input, index);

  const rule = KIND_RULES[input.kind];
  for (const field of ["from", "to"] as const) {
    if (rule[field] !== "physical" && input[field]) throw new MovementRefused(field, `A ${input.kind} takes no ${field}: it is implied`, index);
  }
  const from = rule.from === "physical" ? physicalEnd(refs, input.from, "from", index) : null;
  const to = rule.to === "physical" ? physicalEnd(refs, input.to, "to", index) : null;
  if (from && to && from.siteId !== to.siteId) throw new MovementRefused("to", "Moves stay within a site; between sites use a transfer", index);
  if (from && to && from.id === to.id) throw new MovementRefused("to", "The stock is already there", index);
  const siteId = (from ?? to)!.siteId;
  authorize(actor, "stock.move", { siteId });
  const fromLocation = from ?? (await refs.virtualLocation(siteId, rule.from as never));
  const toLocation = to ?? (await refs.virtualLocation(siteId, rule.to as never));
  if (to) checkConditions(actor, item, to, input, index);

  if (item.tracking === "serial" && (input.serials?.length ?? 0) !== input.quantity) {
    throw new MovementRefused("serials", `${item.sku} is serial-tracked: list one serial per unit (${input.quantity})`, index);
  }
  if (item.tracking !== "serial" && input.serials?.length) throw new MovementRefused("serials", `${item.sku} is not serial-tracked`, index);

  const base = {
    kind: input.kind,
    itemId: item.id,
    fromLocationId: fromLocation.id,
    toLocationId: toLocation.id,
    ...locationFlags(fromLocation, toLocation),
    sku: item.sku,
    fromCode: fromLocation.code,
    toCode: toLocation.code,
    unitCost: input.unitCost === undefined ? null : String(input.unitCost),
    currency: input.unitCost === undefined ? null : (input.currency ?? "EUR"),
    reasonCode: input.reason,
    note: input.overrideConditions
      ? [input.note, `storage conditions overridden: ${input.overrideConditions}`].filter(Boolean).join(" · ")
      : (input.note ?? null),
    reference: input.reference ?? null,
    serials: input.serials,
  };
  const lot = await lotFor(db, item, input, INBOUND.has(input.kind), index);
  if (lot !== undefined || item.tracking === "serial") {
    return {
      index,
      readStock: false,
      siteId,
      item,
      locationCode: (from ?? to)!.code,
      lines: [{ ...base, quantity: input.quantity, lotId: lot?.lotId ?? null, ...(lot?.newLot ? { newLot: lot.newLot } : {}) }],
      sourceCodes: [fromLocation.code],
    };
  }
  if (INBOUND.has(input.kind)) throw new MovementRefused("lot", `${item.sku} is lot-tracked: name the lot it arrives in`, index);
  const takes = await fefoTakes(db, item, fromLocation, input.quantity, index);
  return {
    index,
    readStock: true,
    siteId,
    item,
    locationCode: fromLocation.code,
    lines: takes.map((take) => ({ ...base, quantity: take.quantity, lotId: take.lotId })),
    sourceCodes: takes.map(() => fromLocation.code),
  };
}

async function planCount(
  db: Db,
  actor: Actor,
  refs: References,
  item: ResolvedItem,
  input: ParsedMovementInput,
  index?: number,
): Promise<PlannedMovement> {
  if (input.from && input.to) throw new MovementRefused("to", "A count names one location", index);
  const bin = physicalEnd(refs, input.from ?? input.to, input.from ? "from" : "to", index);
  authorize(actor, "stock.count", { siteId: bin.siteId });
  if (item.tracking === "serial") throw new MovementRefused("kind", `${item.sku} is serial-tracked: count it by scanning its serials`, index);
  const lot = await lotFor(db, item, input, false, index);
  if (item.tracking === "lot" && !lot) throw new MovementRefused("lot", `${item.sku} is lot-tracked: count each lot`, index);
  const level = await db.stockLevel.findFirst({
    where: { itemId: item.id, locationId: bin.id, lotId: lot?.lotId ?? null },
    select: { onHand: true },
  });
  const onHand = level?.onHand ?? 0;
  const difference = input.quantity - onHand;
  const adjustment = await refs.virtualLocation(bin.siteId, "adjustment");
  const lines: PostingLine[] =
    difference === 0
      ? []
      : [
          {
            kind: "count",
            itemId: item.id,
            quantity: Math.abs(difference),
            lotId: lot?.lotId ?? null,
            fromLocationId: difference > 0 ? adjustment.id : bin.id,
            toLocationId: difference > 0 ? bin.id : adjustment.id,
            sku: item.sku,
            fromCode: difference > 0 ? adjustment.code : bin.code,
            toCode: difference > 0 ? bin.code : adjustment.code,
            ...(difference > 0 ? locationFlags(adjustment, bin) : locationFlags(bin, adjustment)),
            reasonCode: input.reason || COUNT_REASON,
            note: input.note ?? `counted ${input.quantity}, system had ${onHand}`,
            reference: input.reference ?? null,
            expectOnHand: onHand,
            countedLocationId: bin.id,
          },
        ];
  return { index, readStock: true, siteId: bin.siteId, item, locationCode: bin.code, lines, sourceCodes: lines.map(() => bin.code) };
}
