"use client";

import { useActionState } from "react";
import { closePackageAction } from "@/app/(app)/orders/[id]/pack/actions";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import type { OrderView, PackageView } from "@/lib/orders/schemas";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const DIMENSIONS = [
  ["lengthMm", "Length (mm)"],
  ["widthMm", "Width (mm)"],
  ["heightMm", "Height (mm)"],
] as const;

/** Weight and size of the open package, then close it; each refused field says why beside it. */
export function PackCloseForm({
  orderId,
  pkg,
  toPack,
  onClosed,
}: {
  orderId: string;
  pkg: PackageView;
  toPack: number;
  onClosed: (order: OrderView, message: string) => void;
}) {
  const [state, action, isPending] = useActionState(async (previous: FormState, form: FormData) => {
    const answer = await closePackageAction(previous, form);
    if (answer.ok) onClosed(answer.data!.order as OrderView, answer.message ?? "Closed");
    return answer;
  }, initialFormState);
  const value = (name: string) => {
    const submitted = state.values?.[name];
    return Array.isArray(submitted) ? submitted[0] : submitted;
  };
  return (
    <form action={action} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="pack-close-form" noValidate>
      <h2 className="text-base font-semibold">Close package {pkg.number}</h2>
      {toPack > 0 && (
        <p className="text-sm text-slate-600">
          {toPack} {toPack === 1 ? "unit is" : "units are"} still to pack. Close now only when the box is full: the rest go into package{" "}
          {pkg.number + 1}.
        </p>
      )}
      <FormToken answer={state} />
      <input type="hidden" name="id" value={orderId} />
      <input type="hidden" name="package" value={pkg.number} />
      {!state.ok && <FormMessage state={state} />}
      <TextField
        label="Weight (g)"
        name="weightGrams"
        id={`weight-${pkg.number}`}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        defaultValue={value("weightGrams")}
        key={`weight-${value("weightGrams")}`}
        error={state.fieldErrors?.weightGrams}
      />
      <div className="grid grid-cols-3 gap-2">
        {DIMENSIONS.map(([name, label]) => (
          <TextField
            key={`${name}-${value(name)}`}
            label={label}
            name={name}
            id={`${name}-${pkg.number}`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            defaultValue={value(name)}
            error={state.fieldErrors?.[name]}
          />
        ))}
      </div>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Closing…" : `Close package ${pkg.number}`}
      </Button>
    </form>
  );
}
