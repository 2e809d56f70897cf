"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formKeyOf } from "@/lib/http/form-write";
import { formText, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";

// Thin: the same lib function as POST /api/v1/alerts/{id}/acknowledge; the form's token is the idempotency key.
export async function acknowledgeAlertAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const id = formText(form, "id") ?? "";
    await acknowledgeAlert(getDb(), actor, id, { note: formText(form, "note") }, { idempotency: formKeyOf(actor, "alert.acknowledge", form) });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath("/alerts");
  return { ok: true, message: "Acknowledged: it stays listed until its condition clears." };
}
