"use client";

import { useActionState } from "react";
import { addCategoryAction, setCategoryCostingAction } from "@/app/(app)/categories/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const METHODS = [
  { value: "", label: "Installation's method" },
  { value: "fifo", label: "FIFO" },
  { value: "average", label: "Moving average" },
  { value: "standard", label: "Standard cost" },
];

function MethodSelect({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <SelectField
      label="Costing method"
      name="costingMethod"
      defaultValue={defaultValue ?? ""}
      error={error}
      hint="For its items that name no method of their own"
    >
      {METHODS.map((m) => (
        <option key={m.value} value={m.value}>
          {m.label}
        </option>
      ))}
    </SelectField>
  );
}

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
      <MethodSelect defaultValue={state.values?.costingMethod as string} error={state.fieldErrors?.costingMethod} />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add category"}
      </Button>
    </form>
  );
}

/** A category's costing method; its items without their own are revalued, from a day if given. */
export function CategoryCostingForm({ categories }: { categories: { path: string; costingMethod: string | null }[] }) {
  const [state, action, pending] = useActionState(setCategoryCostingAction, initialFormState);
  const values = state.values as Record<string, string> | undefined;
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <SelectField label="Category" name="path" defaultValue={values?.path ?? categories[0]?.path} error={state.fieldErrors?.path}>
        {categories.map((c) => (
          <option key={c.path} value={c.path}>
            {c.path} ({c.costingMethod ?? "installation's"})
          </option>
        ))}
      </SelectField>
      <MethodSelect defaultValue={values?.costingMethod} error={state.fieldErrors?.costingMethod} />
      <TextField
        label="Takes effect from"
        name="costingFrom"
        type="date"
        defaultValue={values?.costingFrom}
        error={state.fieldErrors?.costingFrom}
        hint="Today when left empty; not in a closed month"
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set costing method"}
      </Button>
    </form>
  );
}
