"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";
import { updateInstallationSettings } from "@/lib/settings/installation-settings";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { createWebhookOp } from "@/lib/webhooks/operations";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

const typesOf = (form: FormData) =>
  String(form.get("types") ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);

export async function createWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: created, replayed } = await inFormUnit(
      actor,
      "createWebhook",
      form,
      (db) => createWebhook(db, actor, { url: String(form.get("url") ?? ""), types: typesOf(form), description: formText(form, "description") }),
      { secrets: createWebhookOp.secrets },
    );
    revalidatePath("/admin/webhooks");
    if (replayed) return { ok: true, message: "Your first submission created this webhook; its secret was shown then and is not repeated." };
    return { ok: true, message: "Copy the signing secret now: it will not be shown again.", data: { secret: created.secret, id: created.id } };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function setWebhookEnabledAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const id = String(form.get("id") ?? "");
    const enabled = form.get("enabled") === "true";
    await inFormUnit(actor, "updateWebhook", form, (db) => updateWebhook(db, actor, id, { enabled }));
    revalidatePath("/admin/webhooks");
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: enabled ? "Enabled: pending deliveries go out now, oldest first." : "Paused: events are not queued meanwhile." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function deleteWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    await inFormUnit(actor, "deleteWebhook", form, (db) => deleteWebhook(db, actor, String(form.get("id") ?? "")));
    revalidatePath("/admin/webhooks");
    return { ok: true, message: "Deleted." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function redeliverAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const id = String(form.get("id") ?? "");
    await inFormUnit(actor, "redeliverWebhook", form, (db) => redeliverWebhook(db, actor, id, String(form.get("deliveryId") ?? "")));
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: "Queued again." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function setAllowPrivateUrlsAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const allowPrivateUrls = form.get("allowPrivateUrls") === "true";
    await inFormUnit(actor, "updateSettings", form, (db) => updateInstallationSettings(db, actor, { allowPrivateUrls }));
    revalidatePath("/admin/webhooks");
    return { ok: true, message: allowPrivateUrls ? "Private URLs are allowed." : "Private URLs are refused." };
  } catch (error) {
    return toFormState(error);
  }
}
