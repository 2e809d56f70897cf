"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formKeyOf } from "@/lib/http/form-write";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { returnOrder } from "@/lib/orders/return-order";
import type { ReturnInput } from "@/lib/orders/schemas";
import { shipOrder } from "@/lib/orders/ship-order";

// Thin: the session's actor, the form turned into the API's input, the same lib function as the API (which
// checks role, site and the order's status), and the same error mapping. The form's token is the idempotency key.

export async function shipOrderAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  try {
    const actor = await requireSessionActor();
    const input = { carrier: formText(form, "carrier") ?? "", trackingNumber: formText(form, "trackingNumber") ?? "" };
    await shipOrder(getDb(), actor, id, input, { idempotency: formKeyOf(actor, "order.ship", form) });
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
  revalidatePath(`/orders/${id}`);
  revalidatePath("/orders");
  return { ok: true, message: "Shipped: the units have left for the customer." };
}

export async function cancelOrderAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  let putBack: { sku: string; location: string; lot: string | null; quantity: number }[];
  try {
    const actor = await requireSessionActor();
    ({ putBack } = await cancelOrder(getDb(), actor, id, { idempotency: formKeyOf(actor, "order.cancel", form), note: formText(form, "note") }));
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/orders/${id}`);
  revalidatePath("/orders");
  return {
    ok: true,
    message: putBack.length > 0 ? "Cancelled. Take the picked units back to a bin:" : "Cancelled: its units are free again.",
    data: { putBack },
  };
}

/**
 * Rows of the form are named line.N.field; rows without a quantity are left out. Answers the lines and, for
 * each, its row number N, so an error on `lines.K.field` is shown beside row N's field.
 */
function returnLinesOf(form: FormData): { lines: ReturnInput["lines"]; rowOf: number[] } {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const match = /^line\.(\d+)\.(\w+)$/.exec(key);
    if (match && String(value).trim() !== "") rows.set(Number(match[1]), { ...rows.get(Number(match[1])), [match[2]]: String(value).trim() });
  }
  const filled = [...rows.entries()].filter(([, row]) => row.quantity).sort(([a], [b]) => a - b);
  return {
    rowOf: filled.map(([n]) => n),
    lines: filled.map(([, row]) => ({
      sku: row.sku ?? "",
      quantity: Number(row.quantity),
      condition: row.condition as ReturnInput["lines"][number]["condition"],
      ...(row.lot ? { lot: row.lot } : {}),
      ...(row.location ? { location: row.location } : {}),
    })),
  };
}

export async function returnOrderAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  const { lines, rowOf } = returnLinesOf(form);
  try {
    const actor = await requireSessionActor();
    await returnOrder(getDb(), actor, id, { lines, note: formText(form, "note") }, { idempotency: formKeyOf(actor, "order.return", form) });
  } catch (error) {
    const state = toFormState(error);
    const fieldErrors = Object.fromEntries(
      Object.entries(state.fieldErrors ?? {}).map(([field, message]) => [
        field.replace(/^lines\.(\d+)\./, (_match, k: string) => `line.${rowOf[Number(k)] ?? k}.`),
        message,
      ]),
    );
    return { ...state, fieldErrors, values: submittedValues(form) };
  }
  revalidatePath(`/orders/${id}`);
  return { ok: true, message: "Return recorded." };
}
