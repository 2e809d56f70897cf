"use client";

import { useActionState } from "react";
import { addCategoryAction } from "@/app/(app)/categories/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export function AddCategoryForm() {
  const [state, action, pending] = useActionState(addCategoryAction, initialFormState);
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <TextField
        label="Path"
        name="path"
        defaultValue={state.values?.path as string}
        placeholder="Tools > Power tools > Drills"
        error={state.fieldErrors?.path}
        hint="Missing parents are created too"
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add category"}
      </Button>
    </form>
  );
}
