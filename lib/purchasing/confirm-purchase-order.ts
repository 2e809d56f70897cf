import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { lineFor, orderLines } from "./order-lines";
import { requireStatus, runPurchaseOrderStep } from "./run-purchase-order-step";
import { confirmInput, type ConfirmInput, type PurchaseOrderView } from "./schemas";

/**
 * The supplier confirms what it will deliver and when, per line (its own key, or a buyer recording it:
 * purchasing.supply). A later confirmation replaces an earlier one for the lines it names. The order's status does
 * not change; the confirmation is in its history. 409 unless sent or partly received.
 */
export async function confirmPurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: ConfirmInput,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  const data = confirmInput.parse(input);
  return runPurchaseOrderStep(db, actor, id, options, async (tx, order) => {
    authorize(actor, "purchasing.supply", { siteId: order.siteId });
    requireStatus(order, ["sent", "partially_received"], "confirmed");
    const lines = await orderLines(tx, order.id);
    const confirmed = data.lines.map((l, index) => ({ line: lineFor(lines, l.sku, `lines.${index}.sku`, order.number), input: l }));
    for (const { line, input: l } of confirmed) {
      await tx.purchaseOrderLine.update({
        where: { id: line.id },
        data: { confirmedQuantity: l.quantity, promisedAt: new Date(`${l.promisedAt}T00:00:00Z`) },
      });
    }
    return { status: order.status, step: "confirmed", detail: { lines: data.lines } };
  });
}
