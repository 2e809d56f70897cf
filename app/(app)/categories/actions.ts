"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { addCategory, updateCategoryCosting } from "@/lib/catalog/manage-categories";
import type { CostingMethod } from "@/lib/valuation/cost-state";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { inFormUnit } from "@/lib/http/form-write";

/** "" in the form's costing select: the installation's method. */
const methodOf = (form: FormData) => (formText(form, "costingMethod") ?? null) as CostingMethod | null;

export async function addCategoryAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: added } = await inFormUnit(actor, "addCategory", form, (db) =>
      addCategory(db, actor, { path: String(form.get("path") ?? ""), costingMethod: methodOf(form) }),
    );
    revalidatePath("/categories");
    return { ok: true, message: `${added.path} is ready for items.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function setCategoryCostingAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const path = String(form.get("path") ?? "");
    const { value: category } = await inFormUnit(actor, "updateCategory", form, (db) =>
      updateCategoryCosting(db, actor, path, { costingMethod: methodOf(form), costingFrom: formText(form, "costingFrom") }),
    );
    revalidatePath("/categories");
    const method = category.costingMethod ?? "the installation's method";
    return { ok: true, message: `${category.path}: its items are valued by ${method} now.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
