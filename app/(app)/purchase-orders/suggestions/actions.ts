"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formText, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { setDraftSchedule } from "@/lib/purchasing/draft-schedule";
import { draftScheduleInput } from "@/lib/purchasing/schemas";

const SAID = {
  off: "Suggestions are no longer drafted by themselves.",
  daily: "Suggestions will be drafted every day from 06:00.",
  weekly: "Suggestions will be drafted every Monday from 06:00.",
};

/** Turns the site's drafting schedule on or off; setDraftSchedule checks the permission at the site. */
export async function setDraftScheduleAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const input = draftScheduleInput.parse({ site: formText(form, "site"), schedule: formText(form, "schedule") });
    const actor = await requireSessionActor();
    await setDraftSchedule(getDb(), actor, input);
    revalidatePath("/purchase-orders/suggestions");
    return { ok: true, message: SAID[input.schedule] };
  } catch (error) {
    return toFormState(error);
  }
}
