"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { formNumber, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { createLocation } from "@/lib/locations/create-location";
import type { LocationInput } from "@/lib/locations/schemas";
import { inFormUnit } from "@/lib/http/form-write";

export async function createLocationAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const hazardClasses = String(form.get("hazardClasses") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const { value: created } = await inFormUnit(actor, "createLocation", form, (db) =>
      createLocation(db, actor, {
        code: String(form.get("code") ?? ""),
        name: String(form.get("name") ?? ""),
        type: String(form.get("type") ?? "") as LocationInput["type"],
        parent: String(form.get("parent") ?? "") || undefined,
        tempMinC: formNumber(form, "tempMinC"),
        tempMaxC: formNumber(form, "tempMaxC"),
        hazardClasses: hazardClasses.length ? hazardClasses : undefined,
        capacityUnits: formNumber(form, "capacityUnits"),
      }),
    );
    revalidatePath(`/locations/${encodeURIComponent(created.parent ?? created.code)}`);
    return { ok: true, message: `${created.code} (${created.type}) added.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
