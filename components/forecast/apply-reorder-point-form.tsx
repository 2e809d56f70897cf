"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { FormToken } from "@/components/ui/form-token";
import { initialFormState, type FormState } from "@/lib/http/form-state";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

/** The suggested reorder point and its safety stock, put in force at the site with one tap (large target: planners use phones too). */
export function ApplyReorderPointForm(props: { action: Action; sku: string; site: string; suggested: number; safetyStock: number }) {
  const { action, sku, site, suggested, safetyStock } = props;
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mt-3">
      <FormToken answer={state} />
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="reorderPoint" value={suggested} />
      <input type="hidden" name="safetyStock" value={Math.ceil(safetyStock)} />
      <button
        disabled={pending}
        className="min-h-11 w-full rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-900 disabled:opacity-60 sm:w-auto"
      >
        {pending ? "Applying…" : `Apply reorder point ${suggested}`}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
