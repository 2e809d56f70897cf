"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { createSupplier, updateSupplier } from "@/lib/suppliers/manage-suppliers";
import { inFormUnit } from "@/lib/http/form-write";

export async function createSupplierAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: created } = await inFormUnit(actor, "createSupplier", form, (db) =>
      createSupplier(db, actor, {
        code: String(form.get("code") ?? ""),
        name: String(form.get("name") ?? ""),
        email: formText(form, "email"),
        phone: formText(form, "phone"),
      }),
    );
    revalidatePath("/suppliers");
    return { ok: true, message: `${created.name} (${created.code}) added.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function setSupplierActiveAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: supplier } = await inFormUnit(actor, "setSupplierActive", form, (db) =>
      updateSupplier(db, actor, String(form.get("code") ?? ""), { active: form.get("active") === "true" }),
    );
    revalidatePath("/suppliers");
    return { ok: true, message: `${supplier.name} is ${supplier.active ? "active" : "retired"}.` };
  } catch (error) {
    return toFormState(error);
  }
}
