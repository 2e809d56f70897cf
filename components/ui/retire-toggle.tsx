"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import { Button } from "./button";
import { FormMessage } from "./form-message";
import { FormToken } from "./form-token";

/** Retire or restore something named by `code`, through a server action taking `code` and `active`. */
export function RetireToggle({
  code,
  active,
  action,
}: {
  code: string;
  active: boolean;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, submit, pending] = useActionState(action, initialFormState);
  return (
    <form action={submit}>
      <FormToken answer={state} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="active" value={String(!active)} />
      <Button type="submit" variant={active ? "danger" : "secondary"} disabled={pending}>
        {active ? "Retire" : "Restore"}
      </Button>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}
