"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { IdempotencyKey } from "@/lib/db/idempotency-key";
import { formKeyOf, inFormUnit } from "@/lib/http/form-write";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { approvePurchaseOrder } from "@/lib/purchasing/approve-purchase-order";
import { cancelPurchaseOrder } from "@/lib/purchasing/cancel-purchase-order";
import { closePurchaseOrder } from "@/lib/purchasing/close-purchase-order";
import { createPurchaseOrder } from "@/lib/purchasing/create-purchase-order";
import { receivePurchaseOrder } from "@/lib/purchasing/receive-purchase-order";
import type { PurchaseOrderInput, PurchaseOrderView, PurchaseReceiptInput, SendPurchaseOrderInput } from "@/lib/purchasing/schemas";
import { sendPurchaseOrder } from "@/lib/purchasing/send-purchase-order";

/** Rows of the form are named line.N.field; empty rows are left out. */
function rowsOf(form: FormData): Record<string, string>[] {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const match = /^line\.(\d+)\.(\w+)$/.exec(key);
    if (match && String(value).trim() !== "") rows.set(Number(match[1]), { ...rows.get(Number(match[1])), [match[2]]: String(value).trim() });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

export async function createPurchaseOrderAction(_previous: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    const actor = await requireSessionActor();
    const input: PurchaseOrderInput = {
      supplier: formText(form, "supplier") ?? "",
      site: formText(form, "site") ?? "",
      expectedAt: formText(form, "expectedAt"),
      lines: rowsOf(form)
        .filter((row) => row.sku)
        .map((row) => ({ sku: row.sku, quantity: Number(row.quantity ?? Number.NaN), ...(row.unitCost ? { unitCost: row.unitCost } : {}) })),
    };
    id = (await inFormUnit(actor, "createPurchaseOrder", form, (db) => createPurchaseOrder(db, actor, input))).value.id;
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
  revalidatePath("/purchase-orders");
  redirect(`/purchase-orders/${id}`);
}

const stepInput = z.object({ step: z.enum(["approve", "send", "cancel", "close"], { error: "Choose a step" }) });
type Step = z.infer<typeof stepInput>["step"];
type StepRun = (actor: Actor, id: string, form: FormData, options: { idempotency: IdempotencyKey | null }) => Promise<PurchaseOrderView>;
const STEPS: Record<Step, StepRun> = {
  approve: (actor, id, _form, options) => approvePurchaseOrder(getDb(), actor, id, {}, options),
  // `via` as chosen on the form; the lib refuses a value it does not know (422 on via).
  send: (actor, id, form, options) => sendPurchaseOrder(getDb(), actor, id, { via: formText(form, "via") as SendPurchaseOrderInput["via"] }, options),
  cancel: (actor, id, _form, options) => cancelPurchaseOrder(getDb(), actor, id, {}, options),
  close: (actor, id, _form, options) => closePurchaseOrder(getDb(), actor, id, {}, options),
};
const DONE: Record<Step, (order: PurchaseOrderView) => string> = {
  approve: () => "Approved.",
  send: sentMessage,
  cancel: () => "Cancelled.",
  close: () => "Closed: what is outstanding will not come.",
};

/** What the send step did, from its history entry's `{ via, to }`. */
function sentMessage(order: PurchaseOrderView): string {
  const detail = order.history.findLast((h) => h.step === "sent")?.detail as { via?: string; to?: string } | undefined;
  if (detail?.via === "email") return `Sent by e-mail to ${detail.to}.`;
  if (detail?.via === "webhook") return `Sent to the supplier's webhook (${detail.to}).`;
  return "Marked as sent: send the supplier the PDF or the CSV.";
}

export async function purchaseOrderStepAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  let step: Step;
  let order: PurchaseOrderView;
  try {
    step = stepInput.parse({ step: formText(form, "step") }).step;
    const actor = await requireSessionActor();
    order = await STEPS[step](actor, id, form, { idempotency: formKeyOf(actor, `purchaseOrder.${step}`, form) });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/purchase-orders/${id}`);
  return { ok: true, message: DONE[step](order) };
}

export async function receivePurchaseOrderAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  try {
    const actor = await requireSessionActor();
    const sscc = formText(form, "sscc");
    const lines = rowsOf(form)
      .filter((row) => Number(row.quantity ?? 0) > 0 || Number(row.damaged ?? 0) > 0)
      .map((row) => ({
        sku: row.sku,
        quantity: Number(row.quantity ?? 0),
        ...(row.damaged ? { damaged: Number(row.damaged) } : {}),
        ...(row.lot ? { lot: row.lot } : {}),
        ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}),
        ...(row.serials ? { serials: row.serials.split(/[\s,]+/).filter(Boolean) } : {}),
      }));
    const input: PurchaseReceiptInput = { to: formText(form, "to") ?? "", ...(sscc ? { sscc } : { lines }) };
    await receivePurchaseOrder(getDb(), actor, id, input, { idempotency: formKeyOf(actor, "purchaseOrder.receive", form) });
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
  revalidatePath(`/purchase-orders/${id}`);
  return { ok: true, message: "Received." };
}
