"use client";

import { useActionState, useEffect, useState } from "react";
import { callApi } from "@/lib/http/api-client";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import type { RecomputeRunView } from "@/lib/reorder-points/schemas";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

const POLL_MS = 1_000;
const isActive = (run: RecomputeRunView | null) => run?.status === "queued" || run?.status === "running";

/** The filter and the "Recompute" button, then the run's progress, polled until it ends. */
export function RecomputePanel({ action, sites, latest }: { action: Action; sites: string[]; latest: RecomputeRunView | null }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [run, setRun] = useState<RecomputeRunView | null>(latest);
  const runId = (state.data?.runId as string | undefined) ?? latest?.id;
  const values = (state.values ?? {}) as Record<string, string>;

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const poll = async () => {
      const answer = await callApi<RecomputeRunView>(`/api/v1/reorder-points/recompute/${runId}`).catch(() => null);
      if (stopped) return;
      if (answer?.ok) setRun(answer.data);
      if (!answer?.ok || isActive(answer.data)) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId]);

  return (
    <div className="grid gap-4">
      <form action={formAction} className="grid gap-3 sm:grid-cols-3" noValidate>
        <SelectField label="Site" name="site" defaultValue={values.site ?? ""} error={state.fieldErrors?.site}>
          <option value="">All sites</option>
          {sites.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Category"
          name="category"
          defaultValue={values.category}
          error={state.fieldErrors?.category}
          hint="And its sub-categories"
        />
        <TextField label="SKU starts with" name="skuPrefix" defaultValue={values.skuPrefix} error={state.fieldErrors?.skuPrefix} />
        <div className="sm:col-span-3">
          <Button disabled={pending || isActive(run)}>{pending ? "Starting…" : "Recompute"}</Button>
        </div>
        <div className="sm:col-span-3">
          <FormMessage state={state} />
        </div>
      </form>
      {run ? <RunProgress run={run} /> : <p className="text-sm text-slate-600">No recompute has run yet.</p>}
    </div>
  );
}

function RunProgress({ run }: { run: RecomputeRunView }) {
  const percent = run.total > 0 ? Math.round((run.done / run.total) * 100) : run.status === "done" ? 100 : 0;
  const filter = [run.filter.site, run.filter.category, run.filter.skuPrefix && `${run.filter.skuPrefix}…`].filter(Boolean).join(", ");
  return (
    <section aria-label="Recompute progress" data-testid="recompute-progress" data-status={run.status}>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <span>
          <span className="font-medium">{run.status}</span> · {filter || "all items"} · by {run.requestedBy}
        </span>
        <span className="tabular-nums">
          {run.done} of {run.total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {run.applied} applied · {run.skipped} skipped (set by hand, or too little history)
        {run.finishedAt ? ` · finished ${new Date(run.finishedAt).toLocaleString()}` : ""}
      </p>
      {run.error ? <p className="mt-1 text-sm text-red-700">{run.error}</p> : null}
    </section>
  );
}
