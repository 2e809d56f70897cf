"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";
import { THRESHOLD_FIELDS } from "@/lib/thresholds/schemas";
import { setThresholds } from "@/lib/thresholds/set-thresholds";

/**
 * The thresholds form of the item page: a site's own thresholds, or the item-wide default (no site), set as a
 * whole (an empty field clears it, so the site inherits). The same rule and permission as PUT …/thresholds.
 */
export async function setThresholdsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const sku = formText(form, "sku") ?? "";
  try {
    const actor = await requireSessionActor();
    const site = formText(form, "site");
    const values = Object.fromEntries(THRESHOLD_FIELDS.map((field) => [field, formNumber(form, field) ?? null]));
    await inFormUnit(actor, "setThresholds", form, (db) => setThresholds(db, actor, sku, { site, ...values }));
    revalidatePath(`/items/${encodeURIComponent(sku)}`);
    return { ok: true, message: site ? `Thresholds at ${site} saved.` : "Item-wide default thresholds saved." };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
