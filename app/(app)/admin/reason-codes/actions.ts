"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { createReasonCode, setReasonCodeActive } from "@/lib/reasons/manage-reason-codes";
import { inFormUnit } from "@/lib/http/form-write";

export async function createReasonCodeAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: created } = await inFormUnit(actor, "createReasonCode", form, (db) =>
      createReasonCode(db, actor, { code: String(form.get("code") ?? ""), label: String(form.get("label") ?? "") }),
    );
    revalidatePath("/admin/reason-codes");
    return { ok: true, message: `${created.label} (${created.code}) can be chosen now.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function setReasonCodeActiveAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: code } = await inFormUnit(actor, "setReasonCodeActive", form, (db) =>
      setReasonCodeActive(db, actor, String(form.get("code") ?? ""), form.get("active") === "true"),
    );
    revalidatePath("/admin/reason-codes");
    return { ok: true, message: `${code.label} is ${code.active ? "available again" : "retired"}.` };
  } catch (error) {
    return toFormState(error);
  }
}
