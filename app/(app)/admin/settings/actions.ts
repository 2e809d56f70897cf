"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/can";
import { requireSessionActor } from "@/lib/auth/session";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";
import { updateInstallationSettings } from "@/lib/settings/installation-settings";
import { installationSettingsPatch } from "@/lib/settings/schemas";

/** The Settings screen's valuation fields: the same contract as PATCH /api/v1/settings. */
const valuationSettingsInput = installationSettingsPatch.pick({ costingMethod: true, costingFrom: true, currency: true });

export async function updateValuationSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    authorize(actor, "settings.manage"); // before reading the input: a refused person learns nothing from it
    const input = valuationSettingsInput.parse({
      costingMethod: formText(form, "costingMethod"),
      costingFrom: formText(form, "costingFrom"),
      currency: formText(form, "currency"),
    });
    const { value: settings } = await inFormUnit(actor, "updateSettings", form, (db) => updateInstallationSettings(db, actor, input));
    revalidatePath("/admin/settings");
    return { ok: true, message: `Saved: stock is valued ${METHOD_NAMES[settings.costingMethod]}, in ${settings.currency}.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

const METHOD_NAMES = { fifo: "first in, first out", average: "at the moving average cost", standard: "at standard cost" } as const;
