"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { ApiKeyInput } from "@/lib/api-keys/schemas";
import { requireSessionActor } from "@/lib/auth/session";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { createApiKeyOp } from "@/lib/api-keys/operations";

export async function createApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: created, replayed } = await inFormUnit(
      actor,
      "createApiKey",
      form,
      (db) =>
        createApiKey(db, actor, {
          name: String(form.get("name") ?? ""),
          role: String(form.get("role") ?? "") as ApiKeyInput["role"],
          sites: form.getAll("sites").map(String),
          supplier: formText(form, "supplier"),
        }),
      { secrets: createApiKeyOp.secrets },
    );
    revalidatePath("/admin/api-keys");
    if (replayed) return { ok: true, message: `${created.name} was created by your first submission; its key was shown then and is not kept.` };
    return { ok: true, message: "Copy the key now: it will not be shown again.", data: { key: created.key, name: created.name } };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function revokeApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: key } = await inFormUnit(actor, "revokeApiKey", form, (db) => revokeApiKey(db, actor, String(form.get("id") ?? "")));
    revalidatePath("/admin/api-keys");
    return { ok: true, message: `${key.name} is revoked.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
