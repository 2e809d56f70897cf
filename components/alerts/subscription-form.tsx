"use client";

import { useActionState } from "react";
import { saveAlertSubscriptionAction } from "@/app/(app)/alerts/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { SubscriptionView } from "@/lib/alerts/alert-subscription";
import { ALERT_KIND_LABELS, ALERT_KINDS } from "@/lib/alerts/alert-kinds";
import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { FormMessage } from "../ui/form-message";
import { RadioCard } from "../ui/radio-card";

const FREQUENCIES = [
  ["immediate", "At once", "Within a minute of an alert"],
  ["hourly", "Hourly", "One e-mail an hour at most"],
  ["daily", "Daily", "One digest a day"],
  ["off", "Never", "No e-mail; the bell still counts them"],
] as const;

/** Which alerts e-mail this person, and how often. No kind ticked means every kind; no site, every site. */
export function SubscriptionForm({ current, sites }: { current: SubscriptionView; sites: { code: string; name: string }[] }) {
  const [state, action, isPending] = useActionState(saveAlertSubscriptionAction, initialFormState);
  const siteError = Object.entries(state.fieldErrors ?? {}).find(([field]) => field.startsWith("sites"))?.[1];
  return (
    <form action={action} className="space-y-5" data-testid="subscription-form">
      <FormMessage state={state} />
      <fieldset>
        <legend className="mb-2 font-semibold">How often</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {FREQUENCIES.map(([value, label, hint]) => (
            <RadioCard key={value} name="frequency" value={value} defaultChecked={current.frequency === value} hasDot className="p-3">
              <span>
                <span className="block font-medium">{label}</span>
                <span className="block text-sm text-slate-600">{hint}</span>
              </span>
            </RadioCard>
          ))}
        </div>
        {state.fieldErrors?.frequency ? <p className="mt-1 text-sm text-red-700">{state.fieldErrors.frequency}</p> : null}
      </fieldset>
      <fieldset>
        <legend className="mb-1 font-semibold">Kinds</legend>
        <p className="mb-2 text-sm text-slate-600">None ticked: every kind.</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {ALERT_KINDS.map((kind) => (
            <Checkbox key={kind} name="kinds" value={kind} defaultChecked={current.kinds.includes(kind)}>
              {ALERT_KIND_LABELS[kind]}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-1 font-semibold">Sites</legend>
        <p className="mb-2 text-sm text-slate-600">None ticked: every site you work at.</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {sites.map((site) => (
            <Checkbox key={site.code} name="sites" value={site.code} defaultChecked={current.sites.includes(site.code)}>
              {site.code} · {site.name}
            </Checkbox>
          ))}
        </div>
        {siteError ? <p className="mt-1 text-sm text-red-700">{siteError}</p> : null}
      </fieldset>
      <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
        {isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
