"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { IdempotencyKey } from "@/lib/db/idempotency-key";
import { formKeyOf, inFormUnit } from "@/lib/http/form-write";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { approveTransfer } from "@/lib/transfers/approve-transfer";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";
import { createTransfer } from "@/lib/transfers/create-transfer";
import { receiveTransfer } from "@/lib/transfers/receive-transfer";
import type { ReceiveInput, TransferInput } from "@/lib/transfers/schemas";
import { shipTransfer } from "@/lib/transfers/ship-transfer";

/** Rows of the form are named line.N.field; empty rows (no SKU) are left out. */
function rowsOf(form: FormData): Map<number, Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const match = /^line\.(\d+)\.(\w+)$/.exec(key);
    if (match && String(value).trim() !== "") rows.set(Number(match[1]), { ...rows.get(Number(match[1])), [match[2]]: String(value).trim() });
  }
  return rows;
}

export async function createTransferAction(_previous: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    const actor = await requireSessionActor();
    const lines = [...rowsOf(form).values()]
      .filter((row) => row.sku)
      .map((row) => ({
        sku: row.sku,
        quantity: Number(row.quantity ?? Number.NaN),
        ...(row.lot ? { lot: row.lot } : {}),
        ...(row.serials ? { serials: row.serials.split(/[\s,]+/).filter(Boolean) } : {}),
      }));
    const input: TransferInput = {
      from: formText(form, "from") ?? "",
      to: formText(form, "to") ?? "",
      lines,
      reference: formText(form, "reference"),
    };
    id = (await inFormUnit(actor, "createTransfer", form, (db) => createTransfer(db, actor, input))).value.id;
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
  revalidatePath("/transfers");
  redirect(`/transfers/${id}`);
}

const stepInput = z.object({ step: z.enum(["approve", "ship", "cancel"], { error: "Choose approve, ship or cancel" }) });
type Step = z.infer<typeof stepInput>["step"];
type StepRun = (actor: Actor, id: string, options: { idempotency: IdempotencyKey | null }) => Promise<unknown>;
const STEPS: Record<Step, StepRun> = {
  approve: (actor, id, options) => approveTransfer(getDb(), actor, id, options),
  ship: (actor, id, options) => shipTransfer(getDb(), actor, id, {}, options),
  cancel: (actor, id, options) => cancelTransfer(getDb(), actor, id, options),
};
const DONE: Record<Step, string> = {
  approve: "Approved.",
  ship: "Shipped: the stock is in transit.",
  cancel: "Cancelled: the stock it held is available again.",
};

export async function transferStepAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  let step: Step;
  try {
    step = stepInput.parse({ step: formText(form, "step") }).step;
    const actor = await requireSessionActor();
    await STEPS[step](actor, id, { idempotency: formKeyOf(actor, `transfer.${step}`, form) });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/transfers/${id}`);
  return { ok: true, message: DONE[step] };
}

export async function receiveTransferAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  try {
    const actor = await requireSessionActor();
    const lines = [...rowsOf(form).values()]
      .filter((row) => Number(row.quantity ?? 0) > 0 || Number(row.damaged ?? 0) > 0)
      .map((row) => ({
        sku: row.sku,
        quantity: Number(row.quantity ?? 0),
        ...(row.to ? { to: row.to } : {}),
        ...(row.damaged ? { damaged: Number(row.damaged) } : {}),
        ...(row.lot ? { lot: row.lot } : {}),
      }));
    const input: ReceiveInput = { lines, close: form.get("close") === "on" };
    await receiveTransfer(getDb(), actor, id, input, { idempotency: formKeyOf(actor, "transfer.receive", form) });
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
  revalidatePath(`/transfers/${id}`);
  return { ok: true, message: form.get("close") === "on" ? "Received and closed." : "Received. Receive the rest, or close the transfer." };
}
