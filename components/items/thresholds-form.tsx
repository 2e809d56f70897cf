"use client";

import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import type { ThresholdField } from "@/lib/thresholds/schemas";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
type OwnValues = Record<ThresholdField, number | null>;

const FIELDS: { field: ThresholdField; label: string }[] = [
  { field: "min", label: "Min" },
  { field: "max", label: "Max" },
  { field: "reorderPoint", label: "Reorder point" },
  { field: "reorderQuantity", label: "Reorder quantity" },
  { field: "safetyStock", label: "Safety stock" },
];

/**
 * A site's own thresholds (or the item-wide default, "" as the site), set as a whole: a field left empty inherits
 * the default. `own` holds each choice's current values, to start from.
 */
export function ThresholdsForm({
  action,
  sku,
  choices,
}: {
  action: Action;
  sku: string;
  choices: { site: string; label: string; own: OwnValues }[];
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [site, setSite] = useState(choices[0]?.site ?? "");
  const own = choices.find((c) => c.site === site)?.own;
  const error = (field: string) => state.fieldErrors?.[field];
  // A refused form keeps what was typed (React resets forms after an action); a saved one starts from the new values.
  const submitted = (state.values as Record<string, string> | undefined) ?? {};
  const valueOf = (field: ThresholdField) => ((submitted.site ?? "") === site ? submitted[field] : undefined) ?? own?.[field] ?? "";
  return (
    <form action={formAction} className="mt-3 grid gap-3" noValidate>
      <FormToken answer={state} />
      <input type="hidden" name="sku" value={sku} />
      {/* The choice travels in a hidden field: React resets a form after its action, and a reset select would
          silently send another site's (or the default's) thresholds on the next save. */}
      <input type="hidden" name="site" value={site} />
      <SelectField label="Thresholds of" name="siteChoice" value={site} onChange={(event) => setSite(event.target.value)} error={error("site")}>
        {choices.map((c) => (
          <option key={c.site} value={c.site}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <div key={`${site}:${JSON.stringify(own)}:${JSON.stringify(submitted)}`} className="grid grid-cols-2 gap-3">
        {FIELDS.map(({ field, label }) => (
          <TextField
            key={field}
            label={label}
            name={field}
            type="number"
            inputMode="numeric"
            min={0}
            defaultValue={valueOf(field)}
            error={error(field)}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500">Leave a field empty to inherit the item-wide default.</p>
      <Button disabled={pending}>{pending ? "Saving…" : "Save thresholds"}</Button>
      <FormMessage state={state} />
    </form>
  );
}
