"use client";

import { useActionState } from "react";
import { receiveTransferAction, transferStepAction } from "@/app/(app)/transfers/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { TransferView } from "@/lib/transfers/schemas";
import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

type Allowed = { approve: boolean; ship: boolean; cancel: boolean; receive: boolean };

/** The buttons of the steps this person may take now; the server checks status and site again. */
export function TransferSteps({ id, allowed }: { id: string; allowed: Allowed }) {
  const [state, action, isPending] = useActionState(transferStepAction, initialFormState);
  const steps = (["approve", "ship", "cancel"] as const).filter((step) => allowed[step]);
  // After the last possible step the buttons go, but the outcome stays on screen.
  if (steps.length === 0 && !state.message) return null;
  return (
    <form action={action} className="space-y-2">
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        {steps.map((step) => (
          <Button
            key={step}
            type="submit"
            name="step"
            value={step}
            variant={step === "cancel" ? "danger" : step === "ship" ? "primary" : "secondary"}
            disabled={isPending}
          >
            {step === "approve" ? "Approve" : step === "ship" ? "Ship now" : "Cancel transfer"}
          </Button>
        ))}
      </div>
    </form>
  );
}

/** Receipt at the destination: good units into a bin, damaged units counted apart; close to book what never came. */
export function ReceiveForm({ transfer }: { transfer: TransferView }) {
  const [state, action, isPending] = useActionState(receiveTransferAction, initialFormState);
  const error = (name: string) => state.fieldErrors?.[name];
  const open = transfer.lines.filter((line) => line.inTransit > 0);
  // Kept on screen after the closing receipt, so its outcome is still there to read.
  if (transfer.status === "closed") return <FormMessage state={state.message ? state : { ok: true, message: "This transfer is closed." }} />;
  return (
    <form action={action} className="space-y-3" data-testid="receive-form">
      <FormToken answer={state} />
      <input type="hidden" name="id" value={transfer.id} />
      <FormMessage state={state} />
      {open.map((line, i) => (
        <fieldset key={line.lineNo} className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-4">
          <legend className="px-1 text-sm font-medium">
            {line.sku} · {line.inTransit} in transit
          </legend>
          <input type="hidden" name={`line.${i}.sku`} value={line.sku} />
          <label className="text-sm">
            Good units
            <input
              name={`line.${i}.quantity`}
              type="number"
              min={0}
              inputMode="numeric"
              defaultValue={line.inTransit}
              aria-label={`Good units of ${line.sku}`}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
            />
          </label>
          <label className="text-sm">
            Into bin
            <input
              name={`line.${i}.to`}
              aria-label={`Bin for ${line.sku}`}
              autoCapitalize="characters"
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
            />
            {error(`lines.${i}.to`) && (
              <span role="alert" className="text-red-700">
                {error(`lines.${i}.to`)}
              </span>
            )}
          </label>
          <label className="text-sm">
            Damaged
            <input
              name={`line.${i}.damaged`}
              type="number"
              min={0}
              inputMode="numeric"
              aria-label={`Damaged units of ${line.sku}`}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
            />
          </label>
          {line.tracking === "lot" && (
            <label className="text-sm">
              Lot
              <input
                name={`line.${i}.lot`}
                aria-label={`Lot of ${line.sku}`}
                className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
              />
            </label>
          )}
        </fieldset>
      ))}
      <Checkbox name="close" className="self-start text-sm">
        Close the transfer after this receipt (whatever is still in transit is booked as short)
      </Checkbox>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Posting…" : "Post receipt"}
      </Button>
    </form>
  );
}
