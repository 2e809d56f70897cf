import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { ValidationFailed } from "../domain-error";
import { postMovements } from "../ledger/post-movement";
import type { MovementInput } from "../ledger/schemas";
import { PurchaseOrderRefused, ShipmentConflict } from "./errors";
import { lineFor, orderLines, type OrderLine } from "./order-lines";
import { requireStatus, runPurchaseOrderStep, type LockedPurchaseOrder } from "./run-purchase-order-step";
import { purchaseReceiptInput, type ParsedPurchaseReceipt, type PurchaseOrderView, type PurchaseReceiptInput } from "./schemas";

type ReceiptLine = NonNullable<ParsedPurchaseReceipt["lines"]>[number];

/**
 * Receives goods against a sent or (partly) received order — a received one still takes an over-receipt until it
 * is closed — in ONE transaction with the order's line counters:
 * the order row is locked first (run-purchase-order-step.ts), so two receipts of its last units queue and the
 * second sees what the first received. Good units are posted as ledger receipts (the site's supplier location →
 * `to`) at the line's unit cost and the order's currency, referenced by the order number; damaged units are
 * received into the site's quarantine location (reason "damaged"). By `sscc`, everything on that advance shipping
 * notice is received at once (and the notice marked received; a second time is 409).
 *
 * A receipt of more than a line still owes (ordered − good units received) needs purchasing.overReceive at the
 * site (managers, admins); without it the receipt is refused (422) with the quantities in the message. Short
 * receipts leave the rest outstanding (a backorder) until more arrives or the order is closed. The order becomes
 * received when every line has its good units, else partially received. Needs stock.move at the order's site.
 */
export async function receivePurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: PurchaseReceiptInput,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  const data = purchaseReceiptInput.parse(input);
  return runPurchaseOrderStep(db, actor, id, options, async (tx, order) => {
    authorize(actor, "stock.move", { siteId: order.siteId });
    requireStatus(order, ["sent", "partially_received", "received"], "received");
    const lines = await orderLines(tx, order.id);
    const notice = data.sscc ? await shippingNotice(tx, order, data.sscc) : null;
    const receipt: ReceiptLine[] = notice ? notice.lines : data.lines!;
    const places = await receivingPlaces(tx, order, data.to);

    const movements: MovementInput[] = [];
    const origins: number[] = []; // the receipt line of each movement, to name it when the ledger refuses
    const counts = new Map<string, { line: OrderLine; good: number; damaged: number }>();
    for (const [index, r] of receipt.entries()) {
      const line = lineFor(lines, r.sku, `lines.${index}.sku`, order.number);
      const damaged = r.damaged ?? 0;
      checkNotOver(actor, order, line, r.quantity + damaged, index);
      counts.set(line.id, { line, good: r.quantity, damaged });
      const [goodSerials, damagedSerials] = splitSerials(r, line, index);
      const common = { sku: line.item.sku, lot: r.lot, expiresAt: r.expiresAt, unitCost: line.unitCost.toFixed(4), currency: order.currency };
      const reference = order.number;
      if (r.quantity > 0) {
        movements.push({ kind: "receive", ...common, quantity: r.quantity, to: places.to, serials: goodSerials, reason: "received", reference });
        origins.push(index);
      }
      if (damaged > 0) {
        if (!places.quarantine)
          throw new PurchaseOrderRefused(`lines.${index}.damaged`, "This site has no quarantine location to take damaged units: add one first");
        movements.push({
          kind: "receive",
          ...common,
          quantity: damaged,
          to: places.quarantine,
          serials: damagedSerials,
          reason: "damaged",
          reference,
        });
        origins.push(index);
      }
    }
    const posted = await postNamingLines(tx, actor, movements, origins);
    for (const { line, good, damaged } of counts.values()) {
      await tx.purchaseOrderLine.update({ where: { id: line.id }, data: { received: { increment: good }, damaged: { increment: damaged } } });
    }
    if (notice) await tx.advanceShippingNotice.update({ where: { id: notice.id }, data: { receivedAt: new Date() } });
    const isComplete = lines.every((l) => l.received + (counts.get(l.id)?.good ?? 0) >= l.quantity);
    return {
      status: isComplete ? "received" : "partially_received",
      step: "received",
      detail: {
        postingId: posted.postingId,
        sscc: data.sscc ?? null,
        lines: [...counts.values()].map((c) => ({ sku: c.line.item.sku, received: c.good, damaged: c.damaged })),
      },
    };
  });
}

/** Refuses units beyond what the line still owes, unless the actor may over-receive at the site. */
function checkNotOver(actor: Actor, order: LockedPurchaseOrder, line: OrderLine, arriving: number, index: number) {
  const owed = Math.max(0, line.quantity - line.received);
  if (arriving <= owed || can(actor, "purchasing.overReceive", { siteId: order.siteId })) return;
  throw new PurchaseOrderRefused(
    `lines.${index}.quantity`,
    `Line ${line.lineNo} (${line.item.sku}): ordered ${line.quantity}, ${line.received} received so far; ${arriving} more would be ${arriving - owed} over the order. Receiving more than ordered needs a manager (purchasing.overReceive)`,
  );
}

/** Serial-tracked lines list every unit's serial: the first `quantity` are the good units, the rest the damaged. */
function splitSerials(r: ReceiptLine, line: OrderLine, index: number): [string[] | undefined, string[] | undefined] {
  if (line.item.tracking !== "serial") return [r.serials, undefined];
  const damaged = r.damaged ?? 0;
  const serials = r.serials ?? [];
  if (serials.length !== r.quantity + damaged)
    throw new PurchaseOrderRefused(
      `lines.${index}.serials`,
      `${line.item.sku} is serial-tracked: list one serial per unit (${r.quantity + damaged}), good units first`,
    );
  return [serials.slice(0, r.quantity), serials.slice(r.quantity)];
}

async function shippingNotice(tx: DbTx, order: LockedPurchaseOrder, sscc: string) {
  const notice = await tx.advanceShippingNotice.findFirst({ where: { purchaseOrderId: order.id, sscc } });
  if (!notice) throw new PurchaseOrderRefused("sscc", `No shipping notice of ${order.number} has the SSCC ${sscc}`);
  if (notice.receivedAt) throw new ShipmentConflict(`The shipment with SSCC ${sscc} was received already`, { sscc });
  return { id: notice.id, lines: notice.lines as ReceiptLine[] };
}

/** The receiving location (at the order's site) and the site's quarantine location, if it has one. */
async function receivingPlaces(tx: DbTx, order: LockedPurchaseOrder, to: string) {
  const target = await tx.location.findUnique({ where: { code: to }, select: { code: true, siteId: true } });
  const quarantine = await tx.location.findFirst({
    where: { siteId: order.siteId, purpose: "quarantine", active: true, isVirtual: false },
    orderBy: { code: "asc" },
    select: { code: true },
  });
  if (!target || target.siteId !== order.siteId) throw new PurchaseOrderRefused("to", `No location at the order's site has the code ${to}`);
  return { to: target.code, quarantine: quarantine?.code ?? null };
}

/** Posts the receipt through the ledger; a refusal there names the receipt line it came from, not the movement. */
async function postNamingLines(tx: DbTx, actor: Actor, movements: MovementInput[], origins: number[]) {
  try {
    return await postMovements(tx as unknown as Db, actor, movements);
  } catch (error) {
    if (!(error instanceof ValidationFailed) || error.code !== "validation_failed") throw error;
    throw new ValidationFailed(
      error.issues.map((issue) => ({
        ...issue,
        field: issue.field.replace(/^movements\.(\d+)\./, (_, i: string) => `lines.${origins[Number(i)]}.`),
      })),
    );
  }
}
