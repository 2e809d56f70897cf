import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUniqueViolation } from "../db/errors";
import { hasValidGs1CheckDigit } from "../gs1/check-digit";
import { PurchaseOrderRefused, ShipmentConflict } from "./errors";
import { lineFor, orderLines } from "./order-lines";
import { requireStatus, runPurchaseOrderStep } from "./run-purchase-order-step";
import { shippingNoticeInput, type PurchaseOrderView, type ShippingNoticeInput } from "./schemas";

/**
 * The supplier's advance shipping notice (ASN): what it shipped for this order, on which pallet (SSCC). Receiving
 * by that SSCC then receives all of it at once (receive-purchase-order.ts). Every line must be on the order; the
 * SSCC must carry a valid GS1 check digit and be on no other notice (409). Needs purchasing.supply; 409 unless
 * the order is sent or partly received.
 */
export async function recordShippingNotice(
  db: Db,
  actor: Actor,
  id: string,
  input: ShippingNoticeInput,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  const data = shippingNoticeInput.parse(input);
  if (data.sscc && !hasValidGs1CheckDigit(data.sscc)) throw new PurchaseOrderRefused("sscc", "The SSCC's check digit is wrong");
  try {
    return await runPurchaseOrderStep(db, actor, id, options, async (tx, order) => {
      authorize(actor, "purchasing.supply", { siteId: order.siteId });
      requireStatus(order, ["sent", "partially_received"], "shipped");
      const lines = await orderLines(tx, order.id);
      data.lines.forEach((l, index) => lineFor(lines, l.sku, `lines.${index}.sku`, order.number));
      const notice = await tx.advanceShippingNotice.create({
        data: {
          purchaseOrderId: order.id,
          sscc: data.sscc ?? null,
          shipDate: new Date(`${data.shipDate}T00:00:00Z`),
          expectedAt: new Date(`${data.expectedAt}T00:00:00Z`),
          lines: data.lines.map((l) => JSON.parse(JSON.stringify(l)) as object),
          createdByLabel: actor.label,
        },
        select: { id: true },
      });
      return { status: order.status, step: "shipped", detail: { shipment: notice.id, sscc: data.sscc ?? null } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ShipmentConflict(`SSCC ${data.sscc} is on another shipping notice already`, { sscc: data.sscc });
    throw error;
  }
}
