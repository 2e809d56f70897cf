"use server";

import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { createChannel } from "@/lib/channels/manage-channels";
import type { ChannelInput } from "@/lib/channels/schemas";
import { getDb } from "@/lib/db/client";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { formKeyOf } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";

// Thin: the form turned into POST /api/v1/channels' input and the same lib function; its field names are the
// input's paths (credentials.accessToken, sites, buffer.units), so a refusal lands beside its field.
export async function connectChannelAction(_previous: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    const actor = await requireSessionActor();
    formKeyOf(actor, "channel.create", form); // refuses NUL characters like every form write
    const kind = formText(form, "kind");
    const credentials =
      kind === "shopify"
        ? { accessToken: formText(form, "credentials.accessToken") ?? "" }
        : { consumerKey: formText(form, "credentials.consumerKey") ?? "", consumerSecret: formText(form, "credentials.consumerSecret") ?? "" };
    const units = formNumber(form, "buffer.units");
    const percent = formNumber(form, "buffer.percent");
    const input = {
      kind,
      name: formText(form, "name") ?? "",
      baseUrl: formText(form, "baseUrl") ?? "",
      credentials,
      webhookSecret: formText(form, "webhookSecret") ?? "",
      sites: form.getAll("sites").map(String),
      ...(units !== undefined || percent !== undefined ? { buffer: { units, percent } } : {}),
      ...(kind === "shopify" ? { location: formText(form, "location") ?? "" } : {}),
    } as ChannelInput;
    ({ id } = await createChannel(getDb(), actor, input));
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form, ["credentials.accessToken", "credentials.consumerSecret", "webhookSecret"]) };
  }
  redirect(`/channels/${id}`);
}
