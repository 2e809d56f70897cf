"use client";

import { useActionState } from "react";
import { setDraftScheduleAction } from "@/app/(app)/purchase-orders/suggestions/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { DraftScheduleView } from "@/lib/purchasing/draft-schedule";
import { Button } from "../ui/button";
import { SelectField } from "../ui/field";
import { FormMessage } from "../ui/form-message";

const WHEN = { off: "Off: I draft them myself", daily: "Every day from 06:00", weekly: "Every Monday from 06:00" } as const;

/** Whether the site's suggestions become draft orders by themselves, and what the last run drafted. */
export function DraftScheduleForm({ view }: { view: DraftScheduleView }) {
  const [state, action, isPending] = useActionState(setDraftScheduleAction, initialFormState);
  const last = view.lastRun;
  return (
    <form action={action} className="space-y-3" aria-label="Drafting schedule">
      <input type="hidden" name="site" value={view.site} />
      <SelectField
        label={`Draft ${view.site}'s suggestions by themselves`}
        name="schedule"
        defaultValue={view.schedule}
        error={state.fieldErrors?.schedule}
        hint="Drafts wait for approval like any other order; open drafts count as on order, so nothing is ordered twice."
      >
        {(Object.keys(WHEN) as (keyof typeof WHEN)[]).map((value) => (
          <option key={value} value={value}>
            {WHEN[value]}
          </option>
        ))}
      </SelectField>
      <p className="text-sm text-slate-600" data-testid="draft-schedule-last-run">
        {last
          ? `Last run ${last.period}: ${last.orders.length === 0 ? "nothing to draft" : `drafted ${last.orders.join(", ")}`}${
              last.skipped.length > 0 ? `; skipped ${last.skipped.map((s) => `${s.supplier} (${s.reason})`).join("; ")}` : ""
            }.`
          : "No scheduled run yet."}
      </p>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={isPending} className="w-full sm:w-auto">
        {isPending ? "Saving…" : "Save schedule"}
      </Button>
    </form>
  );
}
