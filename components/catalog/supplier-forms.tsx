"use client";

import { useActionState } from "react";
import { createSupplierAction, setOrderWebhookAction } from "@/app/(app)/suppliers/actions";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export function CreateSupplierForm() {
  const [state, action, pending] = useActionState(createSupplierAction, initialFormState);
  const values = (state.values ?? {}) as Record<string, string>;
  return (
    <form key={JSON.stringify(values)} action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <TextField label="Code" name="code" defaultValue={values.code} autoCapitalize="characters" error={state.fieldErrors?.code} placeholder="NFA" />
      <TextField label="Name" name="name" defaultValue={values.name} error={state.fieldErrors?.name} />
      <TextField label="E-mail" name="email" type="email" defaultValue={values.email} error={state.fieldErrors?.email} />
      <TextField label="Phone" name="phone" type="tel" defaultValue={values.phone} error={state.fieldErrors?.phone} />
      <TextField
        label="Currency"
        name="currency"
        defaultValue={values.currency ?? "EUR"}
        autoCapitalize="characters"
        error={state.fieldErrors?.currency}
      />
      <TextField
        label="Lead time (days)"
        name="leadTimeDays"
        type="number"
        min={0}
        inputMode="numeric"
        defaultValue={values.leadTimeDays}
        error={state.fieldErrors?.leadTimeDays}
      />
      <TextField
        label="Minimum order value"
        name="minOrderValue"
        inputMode="decimal"
        defaultValue={values.minOrderValue}
        error={state.fieldErrors?.minOrderValue}
        hint="In its currency"
      />
      <TextField
        label="Payment terms"
        name="paymentTerms"
        defaultValue={values.paymentTerms}
        error={state.fieldErrors?.paymentTerms}
        placeholder="30 days net"
      />
      <label className="block text-sm font-medium" htmlFor="contacts">
        Contacts
        <textarea
          id="contacts"
          name="contacts"
          rows={3}
          defaultValue={values.contacts}
          aria-describedby="contacts-hint"
          className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 py-2 font-normal"
        />
        <span id="contacts-hint" className="font-normal text-slate-600">
          One per line: name, e-mail, phone
        </span>
        {Object.entries(state.fieldErrors ?? {})
          .filter(([field]) => field.startsWith("contacts"))
          .map(([field, message]) => (
            <span key={field} role="alert" className="block font-normal text-red-700">
              {message}
            </span>
          ))}
      </label>
      <TextField
        label="Order webhook URL"
        name="orderWebhookUrl"
        type="url"
        defaultValue={values.orderWebhookUrl}
        error={state.fieldErrors?.orderWebhookUrl}
        hint="Optional: where sent purchase orders are POSTed as signed JSON"
      />
      <FormMessage state={state} />
      <NewSecret state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add supplier"}
      </Button>
    </form>
  );
}

/** Sets or removes (left empty) where this supplier's purchase orders can be POSTed; the first URL gets a secret. */
export function OrderWebhookForm({ code, url }: { code: string; url: string | null }) {
  const [state, action, pending] = useActionState(setOrderWebhookAction, initialFormState);
  const typed = state.ok ? undefined : (state.values?.orderWebhookUrl as string | undefined);
  return (
    <details className="text-sm" open={Boolean(state.message)}>
      <summary className="min-h-11 cursor-pointer break-all py-2 text-slate-600">Order webhook{url ? `: ${url}` : ": none"}</summary>
      <form action={action} className="space-y-2" noValidate>
        <FormToken answer={state} />
        <input type="hidden" name="code" value={code} />
        <TextField
          label="Order webhook URL"
          name="orderWebhookUrl"
          type="url"
          defaultValue={typed ?? url ?? ""}
          error={state.fieldErrors?.orderWebhookUrl}
          hint="Empty removes it"
        />
        <FormMessage state={state} />
        <NewSecret state={state} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </form>
    </details>
  );
}

function NewSecret({ state }: { state: FormState }) {
  const secret = state.ok ? (state.data?.secret as string | undefined) : undefined;
  if (!secret) return null;
  return (
    <output data-testid="new-order-webhook-secret" className="block break-all rounded-lg border border-amber-300 bg-amber-50 p-3 font-mono text-sm">
      {secret}
    </output>
  );
}
