"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { pushChannelNow, reconcileChannelNow } from "@/lib/channels/sync-channel-now";
import { getDb } from "@/lib/db/client";
import type { FormState } from "@/lib/http/form-state";
import { formKeyOf } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";

// Pushing and reconciling call the shop and are safe to repeat (they set quantities, never add), so they run
// outside inFormUnit: its transaction would be held open across the shop's answers, and a repeat is harmless.

export async function pushChannelAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    formKeyOf(actor, "pushChannel", form); // refuses NUL characters like every form write
    const id = String(form.get("id") ?? "");
    const { pushed, nextDueAt } = await pushChannelNow(getDb(), actor, id);
    revalidatePath(`/channels/${id}`);
    return {
      ok: true,
      message: `${pushed} SKU${pushed === 1 ? "" : "s"} pushed${nextDueAt ? "; some wait for the shop and are tried again later" : ""}.`,
    };
  } catch (error) {
    return toFormState(error);
  }
}

export async function reconcileChannelAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    formKeyOf(actor, "reconcileChannel", form);
    const id = String(form.get("id") ?? "");
    const { checked, drift, pushed } = await reconcileChannelNow(getDb(), actor, id);
    revalidatePath(`/channels/${id}`);
    return { ok: true, message: `Read ${checked} SKUs from the shop: ${drift} differed, ${pushed} pushed.` };
  } catch (error) {
    return toFormState(error);
  }
}
