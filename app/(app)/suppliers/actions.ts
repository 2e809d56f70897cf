"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { createSupplier, updateSupplier } from "@/lib/suppliers/manage-suppliers";
import { inFormUnit } from "@/lib/http/form-write";
import { createSupplierOp, updateSupplierOp } from "@/lib/suppliers/operations";

export async function createSupplierAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: created } = await inFormUnit(
      actor,
      "createSupplier",
      form,
      (db) =>
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
          orderWebhookUrl: formText(form, "orderWebhookUrl"),
        }),
      { secrets: createSupplierOp.secrets },
    );
    revalidatePath("/suppliers");
    return { ok: true, ...withSecret(`${created.name} (${created.code}) added.`, created.orderWebhookSecret) };
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

/** Sets (or, left empty, removes) the supplier's order webhook URL; its first URL gets a secret, shown this once. */
export async function setOrderWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: supplier, replayed } = await inFormUnit(
      actor,
      "setOrderWebhook",
      form,
      (db) => updateSupplier(db, actor, String(form.get("code") ?? ""), { orderWebhookUrl: formText(form, "orderWebhookUrl") ?? null }),
      { secrets: updateSupplierOp.secrets },
    );
    revalidatePath("/suppliers");
    if (replayed) return { ok: true, message: "Saved by your first submission; a secret made then is not shown again." };
    const message = supplier.orderWebhookUrl ? `Orders can be sent to ${supplier.orderWebhookUrl}.` : "Order webhook removed.";
    return { ok: true, ...withSecret(message, supplier.orderWebhookSecret) };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

/** The answer's message, and a new order webhook secret to show this once. */
function withSecret(message: string, secret: string | null | undefined): Pick<FormState, "message" | "data"> {
  if (!secret) return { message };
  return { message: `${message} Copy the order webhook's signing secret now: it will not be shown again.`, data: { secret } };
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
