"use client";

import { useActionState } from "react";
import { cancelOrderAction, returnOrderAction, shipOrderAction } from "@/app/(app)/orders/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { OrderView } from "@/lib/orders/schemas";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const valueOf = (values: Record<string, string | string[]> | undefined, name: string) => {
  const value = values?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Carrier and tracking number, then ship: the server refuses (beside the field or above) what it must. Once
 * shipped (`isDone`) only the outcome stays, so the person still reads it after the page refreshes.
 */
export function ShipForm({ id, isDone }: { id: string; isDone: boolean }) {
  const [state, action, isPending] = useActionState(shipOrderAction, initialFormState);
  if (isDone) return state.ok ? <FormMessage state={state} /> : null;
  return (
    <Card title="Ship">
      <form action={action} className="space-y-3" data-testid="ship-form">
        <FormToken answer={state} />
        <input type="hidden" name="id" value={id} />
        <FormMessage state={state} />
        <TextField
          label="Carrier"
          name="carrier"
          autoComplete="off"
          defaultValue={valueOf(state.values, "carrier")}
          key={`carrier-${state.values?.carrier}`}
          error={state.fieldErrors?.carrier}
        />
        <TextField
          label="Tracking number"
          name="trackingNumber"
          autoComplete="off"
          autoCapitalize="characters"
          defaultValue={valueOf(state.values, "trackingNumber")}
          key={`tracking-${state.values?.trackingNumber}`}
          error={state.fieldErrors?.trackingNumber}
        />
        <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
          {isPending ? "Shipping…" : "Ship order"}
        </Button>
      </form>
    </Card>
  );
}

type PutBack = { sku: string; location: string; lot: string | null; quantity: number };

/**
 * Cancel, after a second tap: the first says what happens to the held units. The answer lists the picked units
 * waiting in staging that someone must take back to a bin.
 */
export function CancelForm({ id, staged, isDone }: { id: string; staged: number; isDone: boolean }) {
  const [state, action, isPending] = useActionState(cancelOrderAction, initialFormState);
  const putBack = (state.data?.putBack as PutBack[] | undefined) ?? [];
  if (state.ok) {
    return (
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="cancel-outcome">
        <FormMessage state={state} />
        {putBack.length > 0 && (
          <ul className="list-disc pl-5 text-sm" data-testid="put-back">
            {putBack.map((p, i) => (
              <li key={i}>
                {p.quantity} × <span className="font-mono">{p.sku}</span>
                {p.lot ? ` lot ${p.lot}` : ""} from {p.location}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (isDone) return null;
  return (
    <Card>
      <details className="group">
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-red-300 bg-white px-4 font-medium text-red-700 hover:bg-red-50">
          Cancel order…
        </summary>
        <form action={action} className="mt-3 space-y-3">
          <FormToken answer={state} />
          <input type="hidden" name="id" value={id} />
          <FormMessage state={state} />
          <p className="text-sm text-slate-700">
            Its held units are released for other orders.
            {staged > 0 ? ` ${staged} picked units wait in staging: you will be told where to take them back.` : ""}
          </p>
          <TextField label="Reason (optional)" name="note" maxLength={200} />
          <Button type="submit" variant="danger" disabled={isPending}>
            {isPending ? "Cancelling…" : "Cancel this order"}
          </Button>
        </form>
      </details>
    </Card>
  );
}

const CONDITIONS = [
  ["restock", "Restock into a bin"],
  ["quarantine", "Quarantine"],
  ["damaged", "Damaged (write off)"],
] as const;

/** A return of shipped units, one row per line that can still come back, each with its condition. */
export function ReturnForm({ order }: { order: OrderView }) {
  const [state, action, isPending] = useActionState(returnOrderAction, initialFormState);
  const error = (name: string) => state.fieldErrors?.[name];
  const lines = order.lines.filter((line) => line.shipped - line.returned > 0);
  if (lines.length === 0) return <p className="text-sm text-slate-600">Every shipped unit has come back.</p>;
  return (
    <form action={action} className="space-y-3" data-testid="return-form">
      <FormToken answer={state} />
      <input type="hidden" name="id" value={order.id} />
      <FormMessage state={state} />
      {lines.map((line, i) => (
        <fieldset key={line.lineNo} className="grid gap-2 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">
            <span className="font-mono">{line.sku}</span> · {line.shipped - line.returned} can come back
          </legend>
          <input type="hidden" name={`line.${i}.sku`} value={line.sku} />
          <TextField
            label="Units back"
            id={`return-${i}-quantity`}
            name={`line.${i}.quantity`}
            type="number"
            min={0}
            max={line.shipped - line.returned}
            inputMode="numeric"
            aria-label={`Units of ${line.sku} back`}
            error={error(`line.${i}.quantity`) ?? error(`line.${i}.sku`)}
          />
          <SelectField
            label="Condition"
            id={`return-${i}-condition`}
            name={`line.${i}.condition`}
            aria-label={`Condition of ${line.sku}`}
            error={error(`line.${i}.condition`)}
          >
            {CONDITIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Into bin (restock)"
            id={`return-${i}-location`}
            name={`line.${i}.location`}
            autoCapitalize="characters"
            hint="Left empty: the bin it was picked from"
            aria-label={`Bin for returned ${line.sku}`}
            error={error(`line.${i}.location`)}
          />
        </fieldset>
      ))}
      {error("lines") && (
        <p role="alert" className="text-sm text-red-700">
          {error("lines")}
        </p>
      )}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Recording…" : "Record return"}
      </Button>
    </form>
  );
}
