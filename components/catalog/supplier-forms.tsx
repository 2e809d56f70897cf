"use client";

import { useActionState } from "react";
import { createSupplierAction } from "@/app/(app)/suppliers/actions";
import { initialFormState } from "@/lib/http/form-state";
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
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add supplier"}
      </Button>
    </form>
  );
}
