"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { addCategory } from "@/lib/catalog/manage-categories";
import { submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { inFormUnit } from "@/lib/http/form-write";

export async function addCategoryAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: added } = await inFormUnit(actor, "addCategory", form, (db) => addCategory(db, actor, String(form.get("path") ?? "")));
    revalidatePath("/categories");
    return { ok: true, message: `${added.path} is ready for items.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
