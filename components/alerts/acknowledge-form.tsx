"use client";

import { useActionState } from "react";
import { acknowledgeAlertAction } from "@/app/(app)/alerts/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

/** "Seen, and this is what we do": a note and one tap. The server checks role and site. */
export function AcknowledgeForm({ id }: { id: string }) {
  const [state, action, isPending] = useActionState(acknowledgeAlertAction, initialFormState);
  if (state.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="mt-2 flex flex-wrap items-start gap-2" data-testid="acknowledge-form">
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <label className="min-w-0 flex-1 text-sm">
        <span className="sr-only">Note</span>
        <input
          name="note"
          maxLength={500}
          placeholder="What is being done (optional)"
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          aria-describedby={state.fieldErrors?.note ? `note-error-${id}` : undefined}
          className="block min-h-11 w-full rounded-lg border border-slate-300 px-3"
        />
        {state.fieldErrors?.note ? (
          <span id={`note-error-${id}`} className="mt-1 block text-red-700">
            {state.fieldErrors.note}
          </span>
        ) : null}
      </label>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Acknowledge"}
      </Button>
      {!state.ok && state.message ? <FormMessage state={state} /> : null}
    </form>
  );
}
