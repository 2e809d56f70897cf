"use client";

import { useActionState } from "react";
import { purchaseOrderStepAction, receivePurchaseOrderAction } from "@/app/(app)/purchase-orders/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { PurchaseOrderView } from "@/lib/purchasing/schemas";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

type Step = "approve" | "send" | "cancel" | "close";
const LABELS: Record<Step, string> = { approve: "Approve", send: "Mark as sent", cancel: "Cancel order", close: "Close order" };

/** The buttons of the steps this person may take now; the server checks status, role and site again. */
export function PurchaseOrderSteps({ id, allowed }: { id: string; allowed: Record<Step, boolean> }) {
  const [state, action, isPending] = useActionState(purchaseOrderStepAction, initialFormState);
  const steps = (Object.keys(LABELS) as Step[]).filter((step) => allowed[step]);
  if (steps.length === 0 && !state.message) return null;
  return (
    <form action={action} className="space-y-2" data-testid="purchase-order-steps">
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
            variant={step === "cancel" ? "danger" : step === "approve" || step === "send" ? "primary" : "secondary"}
            disabled={isPending}
          >
            {LABELS[step]}
          </Button>
        ))}
      </div>
    </form>
  );
}

/**
 * Receipt against the order: by the pallet's SSCC (everything on its shipping notice), or line by line with good
 * and damaged units (damaged go to the site's quarantine location).
 */
export function PurchaseReceiptForm({ order }: { order: PurchaseOrderView }) {
  const [state, action, isPending] = useActionState(receivePurchaseOrderAction, initialFormState);
  const error = (name: string) => state.fieldErrors?.[name];
  const value = (name: string) => state.values?.[name] as string | undefined;
  const pallets = order.shipments.filter((s) => s.sscc && !s.receivedAt);
  return (
    <form action={action} className="space-y-3" data-testid="purchase-receipt-form" noValidate>
      <FormToken answer={state} />
      <input type="hidden" name="id" value={order.id} />
      <FormMessage state={state} />
      <TextField label="Into location" name="to" defaultValue={value("to")} error={error("to")} autoCapitalize="characters" hint="Scan the bin" />
      <TextField
        label="Pallet SSCC"
        name="sscc"
        inputMode="numeric"
        defaultValue={value("sscc")}
        error={error("sscc")}
        hint={
          pallets.length > 0
            ? `Expected: ${pallets.map((p) => p.sscc).join(", ")}. Leave empty to receive by line`
            : "Optional: receives its whole shipping notice"
        }
      />
      {order.lines.map((line, i) => (
        <fieldset key={line.lineNo} className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-4">
          <legend className="px-1 text-sm font-medium">
            {line.sku} · {line.outstanding} outstanding
          </legend>
          <input type="hidden" name={`line.${i}.sku`} value={line.sku} />
          <TextField
            label="Good units"
            name={`line.${i}.quantity`}
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={value(`line.${i}.quantity`)}
            error={error(`lines.${i}.quantity`)}
          />
          <TextField
            label="Damaged"
            name={`line.${i}.damaged`}
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={value(`line.${i}.damaged`)}
            error={error(`lines.${i}.damaged`)}
          />
          <TextField label="Lot" name={`line.${i}.lot`} defaultValue={value(`line.${i}.lot`)} error={error(`lines.${i}.lot`)} hint="Lot items" />
          <TextField
            label="Expires"
            name={`line.${i}.expiresAt`}
            type="date"
            defaultValue={value(`line.${i}.expiresAt`)}
            error={error(`lines.${i}.expiresAt`)}
          />
        </fieldset>
      ))}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Posting…" : "Post receipt"}
      </Button>
    </form>
  );
}
