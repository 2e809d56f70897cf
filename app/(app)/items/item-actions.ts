"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { createItem } from "@/lib/catalog/create-item";
import type { ItemInput } from "@/lib/catalog/schemas";
import { updateItem } from "@/lib/catalog/update-item";
import { getDb } from "@/lib/db/client";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { listThresholds } from "@/lib/thresholds/list-thresholds";
import { setThresholds } from "@/lib/thresholds/set-thresholds";

/** The item fields of the form, as the catalogue's input (its own schema judges them). */
function itemFields(form: FormData) {
  return {
    name: formText(form, "name") ?? "",
    description: formText(form, "description"),
    category: formText(form, "category"),
    unit: formText(form, "unit"),
    tracking: formText(form, "tracking") as ItemInput["tracking"] | undefined,
    barcodes:
      formText(form, "barcodes")
        ?.split(/[\s,|]+/)
        .filter(Boolean) ?? [],
    tempMinC: formNumber(form, "tempMinC"),
    tempMaxC: formNumber(form, "tempMaxC"),
    hazardClass: formText(form, "hazardClass"),
    handlingNotes: formText(form, "handlingNotes"),
    // "" is "inherit": the category's method, else the installation's.
    costingMethod: (formText(form, "costingMethod") ?? null) as ItemInput["costingMethod"],
    // Only the standard method shows the field; elsewhere the item keeps what it had.
    standardCost: formText(form, "standardCost"),
  };
}

/** Field paths of the catalogue's schema → the names of this form's fields. */
function onFormFields(state: FormState): FormState {
  if (!state.fieldErrors) return state;
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    const field = path.startsWith("suppliers.")
      ? path.split(".").pop()!
      : path.startsWith("barcodes")
        ? "barcodes"
        : path.replace(/^attributes\./, "");
    fieldErrors[field === "supplier" ? "supplier" : field] ??= message;
  }
  return { ...state, fieldErrors };
}

export async function createItemAction(_previous: FormState, form: FormData): Promise<FormState> {
  let sku: string;
  try {
    const actor = await requireSessionActor();
    const supplier = formText(form, "supplier");
    const reorderPoint = formNumber(form, "reorderPoint");
    const { value: created } = await inFormUnit(actor, "createItem", form, async (db) => {
      const item = await createItem(db, actor, {
        sku: formText(form, "sku") ?? "",
        ...itemFields(form),
        suppliers: supplier ? [{ supplier, supplierSku: formText(form, "supplierSku"), unitCost: formText(form, "unitCost"), preferred: true }] : [],
      });
      // The form's reorder point is the item-wide default threshold, written in the same unit as the item.
      if (reorderPoint !== undefined) await setThresholds(db, actor, item.sku, { reorderPoint });
      return item;
    });
    sku = created.sku;
  } catch (error) {
    return { ...onFormFields(toFormState(error)), values: submittedValues(form) };
  }
  revalidatePath("/items");
  redirect(`/items/${encodeURIComponent(sku)}`);
}

export async function updateItemAction(_previous: FormState, form: FormData): Promise<FormState> {
  const sku = String(form.get("sku") ?? "");
  try {
    const actor = await requireSessionActor();
    const reorderPoint = formNumber(form, "reorderPoint") ?? null;
    const current = (await listThresholds(getDb(), actor, sku)).default.reorderPoint;
    const fields = itemFields(form);
    await inFormUnit(actor, "updateItem", form, async (db) => {
      // Only a changed reorder point is written: a manager of some sites may edit the item but not the default.
      if (reorderPoint !== current) await setThresholds(db, actor, sku, { reorderPoint });
      return updateItem(db, actor, sku, {
        ...fields,
        description: fields.description ?? null,
        category: fields.category ?? null,
        tempMinC: fields.tempMinC ?? null,
        tempMaxC: fields.tempMaxC ?? null,
        hazardClass: fields.hazardClass ?? null,
        handlingNotes: fields.handlingNotes ?? null,
        active: form.get("active") === "on",
        costingFrom: formText(form, "costingFrom"),
      });
    });
  } catch (error) {
    return { ...onFormFields(toFormState(error)), values: submittedValues(form) };
  }
  revalidatePath("/items", "layout");
  redirect(`/items/${encodeURIComponent(sku)}`);
}
