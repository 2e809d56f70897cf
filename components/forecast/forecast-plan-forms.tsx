"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { FormToken } from "@/components/ui/form-token";
import { initialFormState, type FormState } from "@/lib/http/form-state";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
type Common = { action: Action; sku: string; site: string; period: string };

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3";
const button = "min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100 disabled:opacity-60";

function Hidden({ sku, site, period }: Omit<Common, "action">) {
  return (
    <>
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="period" value={period} />
    </>
  );
}

/** Use a method of the planner's choosing instead of the best-scored one. */
export function PinMethodForm({ methods, pinned, ...common }: Common & { methods: { name: string; label: string }[]; pinned: string | null }) {
  const [state, formAction, pending] = useActionState(common.action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <FormToken answer={state} />
      <Hidden {...common} />
      <label className="block text-sm">
        Method
        <select name="pinnedMethod" defaultValue={pinned ?? ""} className={field}>
          <option value="">Automatic (best on the holdout)</option>
          {methods.map((m) => (
            <option key={m.name} value={m.name}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <button disabled={pending} className={button}>
        Use this method
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Read a period's demand as the planner says (a one-off order, a promotion), with the reason. */
export function CorrectPeriodForm({ periods, ...common }: Common & { periods: string[] }) {
  const [state, formAction, pending] = useActionState(common.action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <FormToken answer={state} />
      <Hidden {...common} />
      <label className="block text-sm">
        Period starting
        <select name="start" defaultValue={periods[periods.length - 1]} className={field}>
          {periods.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        Demand to read (empty: the ledger&apos;s again)
        <input name="demand" type="number" min={0} inputMode="numeric" className={field} />
      </label>
      <label className="block text-sm">
        Why
        <input name="note" required maxLength={200} placeholder="one-off order, promotion…" className={field} />
      </label>
      <button disabled={pending} className={button}>
        Correct the period
      </button>
      <FormMessage state={state} />
    </form>
  );
}
