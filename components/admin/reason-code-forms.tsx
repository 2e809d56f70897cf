"use client";

import { useActionState } from "react";
import { createReasonCodeAction } from "@/app/(app)/admin/reason-codes/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export function CreateReasonCodeForm() {
  const [state, action, pending] = useActionState(createReasonCodeAction, initialFormState);
  const values = state.values ?? {};
  return (
    <form key={JSON.stringify(values)} action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <TextField label="Label" name="label" defaultValue={values.label as string} placeholder="Quality hold" error={state.fieldErrors?.label} />
      <TextField
        label="Code"
        name="code"
        defaultValue={values.code as string}
        placeholder="quality_hold"
        error={state.fieldErrors?.code}
        hint="What the API sends; cannot change later"
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add reason code"}
      </Button>
    </form>
  );
}
