"use client";

import { useActionState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/admin/api-keys/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export function CreateApiKeyForm({ siteCodes, supplierCodes }: { siteCodes: string[]; supplierCodes: string[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction, initialFormState);
  const newKey = state.ok ? (state.data?.key as string | undefined) : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <TextField label="Name" name="name" placeholder="order-service" error={state.fieldErrors?.name} />
      <SelectField label="Role" name="role" defaultValue="viewer" error={state.fieldErrors?.role}>
        {["viewer", "clerk", "manager", "admin", "supplier"].map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Supplier"
        name="supplier"
        defaultValue=""
        error={state.fieldErrors?.supplier}
        hint="For a supplier key only: it sees that supplier's purchase orders, nothing else"
      >
        <option value="">—</option>
        {supplierCodes.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Sites (none = all)</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {siteCodes.map((code) => (
            <Checkbox key={code} name="sites" value={code} className="rounded-lg ring-1 ring-slate-300 ring-inset">
              {code}
            </Checkbox>
          ))}
        </div>
        {state.fieldErrors?.sites ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.sites}
          </p>
        ) : null}
      </fieldset>
      <FormMessage state={state} />
      {newKey ? (
        <output data-testid="new-api-key" className="block break-all rounded-lg border border-amber-300 bg-amber-50 p-3 font-mono text-sm">
          {newKey}
        </output>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, initialFormState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm(`Revoke ${name}? Services using it stop working at once.`)) event.preventDefault();
      }}
    >
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending}>
        Revoke
      </Button>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}
