"use client";

import { useActionState } from "react";
import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverAction,
  setAllowPrivateUrlsAction,
  setWebhookEnabledAction,
} from "@/app/(app)/admin/webhooks/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export function CreateWebhookForm() {
  const [state, action, pending] = useActionState(createWebhookAction, initialFormState);
  const secret = state.ok ? (state.data?.secret as string | undefined) : undefined;
  const value = (name: string) => (state.ok ? undefined : (state.values?.[name] as string | undefined));
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <TextField
        label="URL"
        name="url"
        type="url"
        placeholder="https://erp.example.com/hooks"
        defaultValue={value("url")}
        error={state.fieldErrors?.url}
      />
      <TextField
        label="Event types"
        name="types"
        defaultValue={value("types") ?? "*"}
        hint='Separated by spaces or commas: "stock.changed", a family such as "reservation.*", or "*" for all'
        error={state.fieldErrors?.types ?? Object.entries(state.fieldErrors ?? {}).find(([field]) => field.startsWith("types."))?.[1]}
      />
      <TextField label="Description" name="description" defaultValue={value("description")} error={state.fieldErrors?.description} />
      <FormMessage state={state} />
      {secret ? (
        <output data-testid="new-webhook-secret" className="block break-all rounded-lg border border-amber-300 bg-amber-50 p-3 font-mono text-sm">
          {secret}
        </output>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create webhook"}
      </Button>
    </form>
  );
}

export function WebhookEnabledToggle({ id, enabled }: { id: string; enabled: boolean }) {
  const [state, action, pending] = useActionState(setWebhookEnabledAction, initialFormState);
  return (
    <form action={action}>
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {enabled ? "Pause" : "Enable"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteWebhookButton({ id, url }: { id: string; url: string }) {
  const [state, action, pending] = useActionState(deleteWebhookAction, initialFormState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm(`Delete the webhook to ${url} and its delivery log?`)) event.preventDefault();
      }}
    >
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending}>
        Delete
      </Button>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}

export function RedeliverButton({ id, deliveryId }: { id: string; deliveryId: string }) {
  const [state, action, pending] = useActionState(redeliverAction, initialFormState);
  return (
    <form action={action}>
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Redeliver
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function AllowPrivateUrlsToggle({ allowed }: { allowed: boolean }) {
  const [state, action, pending] = useActionState(setAllowPrivateUrlsAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <FormToken answer={state} />
      <input type="hidden" name="allowPrivateUrls" value={String(!allowed)} />
      <p className="text-sm text-slate-600">
        {allowed
          ? "Webhooks may call private, loopback and link-local addresses (on-premise receivers)."
          : "URLs reaching private, loopback and link-local addresses are refused."}
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {allowed ? "Refuse private URLs" : "Allow private URLs"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
