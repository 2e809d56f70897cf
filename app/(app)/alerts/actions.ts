"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { saveAlertSubscription, type SubscriptionInput } from "@/lib/alerts/alert-subscription";
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

// The person's own choice of alert e-mails; lib checks the sites are theirs.
export async function saveAlertSubscriptionAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    await saveAlertSubscription(getDb(), actor, {
      frequency: (formText(form, "frequency") ?? "") as SubscriptionInput["frequency"],
      kinds: form.getAll("kinds").map(String) as SubscriptionInput["kinds"],
      sites: form.getAll("sites").map(String),
    });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath("/alerts/notifications");
  return { ok: true, message: "Saved: alerts reach you as chosen." };
}
