"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
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
        currency: formText(form, "currency"),
        leadTimeDays: formNumber(form, "leadTimeDays"),
        minOrderValue: formText(form, "minOrderValue"),
        paymentTerms: formText(form, "paymentTerms"),
        contacts: contactsOf(formText(form, "contacts")),
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

/** "Ann Order, ann@example.com, +44 20 7946 0000" per line → contacts; the e-mail is whatever holds an @. */
function contactsOf(text: string | undefined) {
  return (text ?? "")
    .split("\n")
    .map((line) => line.split(",").map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([name, ...rest]) => {
      const email = rest.find((part) => part.includes("@"));
      const phone = rest.find((part) => part && !part.includes("@"));
      return { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    });
}
