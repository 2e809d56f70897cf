"use client";

import { useActionState, useState } from "react";
import { createTransferAction } from "@/app/(app)/transfers/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

/** Draft a transfer: from and to sites, then one row per SKU (lot and serials when it matters). */
export function TransferForm({ fromSites, toSites }: { fromSites: string[]; toSites: string[] }) {
  const [state, action, isPending] = useActionState(createTransferAction, initialFormState);
  const [rows, setRows] = useState(3);
  const value = (name: string) => state.values?.[name] as string | undefined;
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormToken answer={state} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="From site" name="from" defaultValue={value("from") ?? fromSites[0]} error={error("from")}>
          {fromSites.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </SelectField>
        <SelectField label="To site" name="to" defaultValue={value("to") ?? toSites.find((c) => c !== fromSites[0])} error={error("to")}>
          {toSites.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </SelectField>
        <TextField
          label="Reference"
          name="reference"
          defaultValue={value("reference")}
          error={error("reference")}
          hint="Optional, e.g. TR-2026-0042"
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Lines</legend>
        {error("lines") && (
          <p role="alert" className="text-sm text-red-700">
            {error("lines")}
          </p>
        )}
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-4">
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
            />
            <TextField label="Lot" name={`line.${i}.lot`} defaultValue={value(`line.${i}.lot`)} error={error(`lines.${i}.lot`)} hint="Optional" />
            <TextField
              label="Serials"
              name={`line.${i}.serials`}
              defaultValue={value(`line.${i}.serials`)}
              error={error(`lines.${i}.serials`)}
              hint="Serial items"
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
