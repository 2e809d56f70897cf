"use client";

import { useActionState, useState } from "react";
import { purchaseOrderStepAction, receivePurchaseOrderAction } from "@/app/(app)/purchase-orders/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { PurchaseOrderView, SendVia } from "@/lib/purchasing/schemas";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

type Step = "approve" | "send" | "cancel" | "close";
const LABELS: Record<Step, string> = { approve: "Approve", send: "Mark as sent", cancel: "Cancel order", close: "Close order" };

/** How the order can reach its supplier (lib/purchasing/send-purchase-order.ts sendChoicesFor). */
export type SendChoices = { email: string | null; mailConfigured: boolean; webhook: boolean; preferred: SendVia };
const SEND_LABELS: Record<SendVia, string> = { email: "Send by e-mail", webhook: "Send to webhook", manual: LABELS.send };

/** The buttons of the steps this person may take now; the server checks status, role and site again. */
export function PurchaseOrderSteps({ id, allowed, send }: { id: string; allowed: Record<Step, boolean>; send: SendChoices }) {
  const [state, action, isPending] = useActionState(purchaseOrderStepAction, initialFormState);
  const [via, setVia] = useState<SendVia>(send.preferred);
  const steps = (Object.keys(LABELS) as Step[]).filter((step) => allowed[step]);
  if (steps.length === 0 && !state.message) return null;
  return (
    <form action={action} className="space-y-2" data-testid="purchase-order-steps">
      <FormToken answer={state} />
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      {allowed.send && (send.email || send.webhook) && <SendChoice send={send} via={via} onChange={setVia} errors={state.fieldErrors} />}
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
            {step === "send" ? SEND_LABELS[via] : LABELS[step]}
          </Button>
        ))}
      </div>
    </form>
  );
}

/** The ways to send: e-mail (when the supplier has an address; off when mail is not set up), its webhook, or by hand. */
function SendChoice({
  send,
  via,
  onChange,
  errors,
}: {
  send: SendChoices;
  via: SendVia;
  onChange: (via: SendVia) => void;
  errors: Record<string, string> | undefined;
}) {
  const error = errors?.via ?? errors?.to;
  const option = (value: SendVia, label: string, disabled = false) => (
    <label className={`flex min-h-11 items-center gap-2 text-sm ${disabled ? "text-slate-400" : ""}`}>
      <input type="radio" name="via" value={value} checked={via === value} disabled={disabled} onChange={() => onChange(value)} />
      <span className="min-w-0 break-all">{label}</span>
    </label>
  );
  return (
    <fieldset className="space-y-1" data-testid="purchase-order-send-via" aria-describedby={error ? "send-via-error" : undefined}>
      <legend className="text-sm font-medium">Send the order</legend>
      {send.email && option("email", `E-mail to ${send.email}${send.mailConfigured ? "" : " (mail is not set up)"}`, !send.mailConfigured)}
      {send.webhook && option("webhook", "Supplier's webhook")}
      {option("manual", "Mark as sent (I send it myself)")}
      {error && (
        <span id="send-via-error" role="alert" className="block text-sm text-red-700">
          {error}
        </span>
      )}
    </fieldset>
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
