"use client";

import { useActionState, useState } from "react";
import { createPurchaseOrderAction } from "@/app/(app)/purchase-orders/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

/** Draft a purchase order: supplier, site, expected date, then one row per SKU (the price is the supplier's unless typed). */
export function PurchaseOrderForm({ suppliers, sites }: { suppliers: { code: string; name: string }[]; sites: string[] }) {
  const [state, action, isPending] = useActionState(createPurchaseOrderAction, initialFormState);
  const [rows, setRows] = useState(3);
  const value = (name: string) => state.values?.[name] as string | undefined;
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="space-y-4" noValidate data-testid="purchase-order-form">
      <FormToken answer={state} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Supplier" name="supplier" defaultValue={value("supplier") ?? suppliers[0]?.code} error={error("supplier")}>
          {suppliers.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} · {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Deliver to site" name="site" defaultValue={value("site") ?? sites[0]} error={error("site")}>
          {sites.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </SelectField>
        <TextField label="Expected" name="expectedAt" type="date" defaultValue={value("expectedAt")} error={error("expectedAt")} hint="Optional" />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Lines</legend>
        {error("lines") && (
          <p role="alert" className="text-sm text-red-700">
            {error("lines")}
          </p>
        )}
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-3">
            <TextField
              label={`SKU ${i + 1}`}
              name={`line.${i}.sku`}
              defaultValue={value(`line.${i}.sku`)}
              error={error(`lines.${i}.sku`)}
              autoCapitalize="characters"
            />
            <TextField
              label="Quantity"
              name={`line.${i}.quantity`}
              type="number"
              min={1}
              inputMode="numeric"
              defaultValue={value(`line.${i}.quantity`)}
              error={error(`lines.${i}.quantity`)}
              hint="In the item's unit"
            />
            <TextField
              label="Unit cost"
              name={`line.${i}.unitCost`}
              inputMode="decimal"
              defaultValue={value(`line.${i}.unitCost`)}
              error={error(`lines.${i}.unitCost`)}
              hint="Optional: the supplier's price"
            />
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setRows(rows + 1)}>
          Add a line
        </Button>
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save draft"}
      </Button>
    </form>
  );
}
