"use client";

import { useActionState } from "react";
import { receivePalletAction } from "@/app/(app)/scan/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { Pallet } from "@/lib/purchasing/find-pallet";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

/**
 * A scanned pallet: its order, supplier and what the shipping notice says is on it; "Receive pallet" into the bin
 * scanned or typed, then "Put away" from there. The destination is the caller's, so a bin scan can fill it.
 */
export function PalletCard({
  pallet,
  to,
  onToChange,
  onPutAway,
}: {
  pallet: Pallet;
  to: string;
  onToChange: (code: string) => void;
  onPutAway: (from: string, site: string) => void;
}) {
  const [state, action, isPending] = useActionState(receivePalletAction, initialFormState);
  const receivedInto = state.ok ? String(state.data?.to ?? "") : null;
  return (
    <div data-testid="pallet" data-received={pallet.receivedAt || receivedInto ? "yes" : "no"} className="space-y-3">
      <p>
        <b data-testid="pallet-order">{pallet.purchaseOrder.number}</b> · {pallet.supplier.name}{" "}
        <span className="text-sm text-slate-600">
          ({pallet.supplier.code}) · for {pallet.purchaseOrder.site}
        </span>
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="pallet-lines">
        {pallet.lines.map((line) => (
          <li key={`${line.sku}-${line.lot ?? ""}`} className="flex items-baseline justify-between gap-2 px-3 py-2">
            <span>
              <span className="font-mono font-semibold">{line.sku}</span>
              {line.lot && (
                <span className="block text-sm text-slate-600">
                  lot {line.lot}
                  {line.expiresAt && <> · expires {line.expiresAt}</>}
                </span>
              )}
            </span>
            <span className="text-lg font-semibold tabular-nums">{line.quantity}</span>
          </li>
        ))}
      </ul>
      {pallet.receivedAt ? (
        <p role="status" className="rounded-lg border-2 border-amber-300 bg-amber-50 p-3 font-medium text-amber-900" data-testid="pallet-received">
          Received already, on {new Date(pallet.receivedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}.
        </p>
      ) : receivedInto ? (
        <div className="space-y-2">
          <FormMessage state={state} />
          <Button className="w-full text-lg" onClick={() => onPutAway(receivedInto, pallet.purchaseOrder.site)}>
            Put away from {receivedInto}
          </Button>
        </div>
      ) : pallet.canReceive ? (
        <form action={action} className="space-y-3" noValidate>
          <FormToken answer={state} />
          <input type="hidden" name="id" value={pallet.purchaseOrder.id} />
          <input type="hidden" name="sscc" value={pallet.sscc} />
          <FormMessage state={state} />
          <TextField
            label="Into location"
            name="to"
            value={to}
            onChange={(e) => onToChange(e.target.value.toUpperCase())}
            error={state.fieldErrors?.to}
            autoCapitalize="characters"
            autoComplete="off"
            hint="Scan the bin, or type its code"
          />
          <Button type="submit" className="w-full text-lg" disabled={isPending || to.trim() === ""}>
            {isPending ? "Receiving…" : "Receive pallet"}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-slate-700">
          {["sent", "partially_received", "received"].includes(pallet.purchaseOrder.status)
            ? "You may look at this pallet but not receive it."
            : `Not receivable: the order is ${pallet.purchaseOrder.status.replace("_", " ")}.`}
        </p>
      )}
    </div>
  );
}
