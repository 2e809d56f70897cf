"use client";

import { useActionState } from "react";
import { updateValuationSettingsAction } from "@/app/(app)/admin/settings/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const METHODS = [
  { value: "fifo", label: "FIFO (first in, first out)" },
  { value: "average", label: "Moving average" },
  { value: "standard", label: "Standard cost" },
] as const;

/**
 * The installation's costing method and currency. A new method revalues the stock of every item that names no
 * method and whose category names none, from the day given (today when left empty).
 */
export function ValuationSettingsForm({ costingMethod, currency }: { costingMethod: string; currency: string }) {
  const [state, action, pending] = useActionState(updateValuationSettingsAction, initialFormState);
  const values = state.values ?? {};
  const text = (name: string, fallback = "") => (typeof values[name] === "string" ? (values[name] as string) : fallback);
  return (
    // Keyed by what was sent and what is saved, so React's reset after an answer shows the right values.
    <form key={`${JSON.stringify(values)}|${costingMethod}|${currency}`} action={action} className="space-y-4" noValidate>
      <FormToken answer={state} />
      <SelectField
        label="Costing method"
        name="costingMethod"
        defaultValue={text("costingMethod", costingMethod)}
        error={state.fieldErrors?.costingMethod}
        hint="For items whose own record and category name no method"
      >
        {METHODS.map((method) => (
          <option key={method.value} value={method.value}>
            {method.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="New method takes effect on"
        name="costingFrom"
        type="date"
        defaultValue={text("costingFrom")}
        error={state.fieldErrors?.costingFrom}
        hint="Leave empty for today; not in a closed month"
      />
      <TextField
        label="Currency"
        name="currency"
        defaultValue={text("currency", currency)}
        error={state.fieldErrors?.currency}
        hint="Three-letter ISO code, like EUR"
        autoCapitalize="characters"
        autoComplete="off"
        maxLength={3}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Saving…" : "Save valuation settings"}
      </Button>
    </form>
  );
}
