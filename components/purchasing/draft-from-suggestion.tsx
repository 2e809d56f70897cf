"use client";

import { useActionState } from "react";
import { createPurchaseOrderAction } from "@/app/(app)/purchase-orders/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

/** One tap: the supplier's suggested lines become a draft purchase order (the same action as the new-order form). */
export function DraftFromSuggestion({ supplier, site, lines }: { supplier: string; site: string; lines: { sku: string; quantity: number }[] }) {
  const [state, action, isPending] = useActionState(createPurchaseOrderAction, initialFormState);
  return (
    <form action={action} className="mt-3 space-y-2">
      <FormToken answer={state} />
      <input type="hidden" name="supplier" value={supplier} />
      <input type="hidden" name="site" value={site} />
      {lines.map((line, index) => (
        <span key={line.sku}>
          <input type="hidden" name={`line.${index}.sku`} value={line.sku} />
          <input type="hidden" name={`line.${index}.quantity`} value={line.quantity} />
        </span>
      ))}
      <FormMessage state={state} />
      <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
        {isPending ? "Drafting…" : `Draft a purchase order to ${supplier}`}
      </Button>
    </form>
  );
}
