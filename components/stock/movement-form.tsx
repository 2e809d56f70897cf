"use client";

import { useActionState, useState } from "react";
import { postMovementAction, undoMovementAction } from "@/app/(app)/stock/move/actions";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import type { LevelView, MovementView } from "@/lib/ledger/schemas";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";
import { RadioCard } from "../ui/radio-card";

type Kind = "receive" | "issue" | "scrap" | "damage" | "loss" | "found" | "count" | "move" | "return";

/** Which fields each kind asks for, and the reason it suggests. */
const KINDS: Record<Kind, { label: string; from: boolean; to: boolean; reason: string; newLot?: boolean }> = {
  receive: { label: "Receive", from: false, to: true, reason: "received", newLot: true },
  move: { label: "Move", from: true, to: true, reason: "putaway" },
  issue: { label: "Issue", from: true, to: false, reason: "sold" },
  count: { label: "Count", from: true, to: false, reason: "count" },
  return: { label: "Return", from: false, to: true, reason: "returned", newLot: true },
  found: { label: "Found", from: false, to: true, reason: "found", newLot: true },
  damage: { label: "Damaged", from: true, to: false, reason: "damaged" },
  loss: { label: "Lost", from: true, to: false, reason: "lost" },
  scrap: { label: "Scrap", from: true, to: false, reason: "scrapped" },
};

type Initial = { kind: Kind; sku: string; from: string; to: string; lot: string };

function Result({ state }: { state: FormState }) {
  const [undoState, undo, undoing] = useActionState(undoMovementAction, initialFormState);
  const levels = (undoState.ok ? undoState.data?.levels : state.data?.levels) as LevelView[] | undefined;
  const undoId = state.data?.undoId as string | null | undefined;
  const movements = state.data?.movements as MovementView[] | undefined;
  if (!state.ok || !levels) return null;
  return (
    // On a phone the result comes first, where the thumb just was; beside the form on a desk.
    <section
      aria-label="Result"
      className="order-first self-start rounded-xl border border-green-200 bg-green-50 p-4 lg:order-none"
      data-testid="movement-result"
    >
      <FormMessage state={undoState.message ? undoState : state} />
      {movements?.length ? (
        <ul className="mt-2 text-sm text-slate-700">
          {movements.map((m) => (
            <li key={m.id}>
              {m.kind} {m.quantity} {m.sku}
              {m.lot ? ` · lot ${m.lot}` : ""} · {m.from} → {m.to}
            </li>
          ))}
        </ul>
      ) : null}
      <h3 className="mt-3 text-sm font-semibold">Stock now</h3>
      <ul className="mt-1 divide-y divide-green-200" data-testid="resulting-levels">
        {levels.map((level) => (
          <li key={`${level.location}-${level.lot}`} className="flex justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-mono">{level.location}</span>
              {level.lot ? <span className="text-slate-600"> · lot {level.lot}</span> : null}
            </span>
            <span className="font-semibold tabular-nums">
              {level.onHand} on hand{level.reserved ? ` · ${level.available} available` : ""}
            </span>
          </li>
        ))}
      </ul>
      {undoId && !undoState.ok ? (
        <form action={undo} className="mt-3">
          <FormToken answer={undoState} />
          <input type="hidden" name="movementId" value={undoId} />
          <Button type="submit" variant="secondary" disabled={undoing}>
            {undoing ? "Undoing…" : "Undo"}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/**
 * One form for every kind of movement: the fields follow the kind. After posting it shows the resulting stock
 * and an Undo (a reversing movement) for a single movement.
 */
export function MovementForm({
  initial,
  locationCodes,
  reasons,
  canOverrideConditions,
}: {
  initial: Initial;
  locationCodes: string[];
  reasons: { code: string; label: string }[];
  canOverrideConditions: boolean;
}) {
  const [state, action, pending] = useActionState(postMovementAction, initialFormState);
  const values: Record<string, string | undefined> = { ...initial, ...(state.values as Record<string, string> | undefined) };
  const [kind, setKind] = useState<Kind>((values.kind as Kind) ?? initial.kind);
  const rule = KINDS[kind];
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,32rem)_1fr]">
      <form
        key={JSON.stringify(state.values ?? {})}
        action={action}
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        noValidate
      >
        <FormToken answer={state} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">What happened</legend>
          <div className="mt-1 grid grid-cols-3 gap-2">
            {(Object.keys(KINDS) as Kind[]).map((k) => (
              <RadioCard
                key={k}
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                className="items-center justify-center px-2 text-sm has-[:checked]:font-semibold has-[:checked]:text-brand-700"
              >
                {KINDS[k].label}
              </RadioCard>
            ))}
          </div>
        </fieldset>
        <TextField label="SKU" name="sku" defaultValue={values.sku} required autoCapitalize="characters" error={error("sku")} />
        <TextField
          label={kind === "count" ? "Counted quantity" : "Quantity"}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={values.quantity}
          required
          error={error("quantity")}
        />
        <datalist id="location-codes">
          {locationCodes.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        {rule.from ? (
          <TextField
            label={kind === "count" ? "Location counted" : "From"}
            name="from"
            list="location-codes"
            defaultValue={values.from}
            autoCapitalize="characters"
            error={error("from")}
          />
        ) : null}
        {rule.to ? (
          <TextField label="To" name="to" list="location-codes" defaultValue={values.to} autoCapitalize="characters" error={error("to")} />
        ) : null}
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Lot"
            name="lot"
            defaultValue={values.lot}
            error={error("lot")}
            hint={rule.from && kind !== "count" ? "Empty: first expiring first" : undefined}
          />
          {rule.newLot ? <TextField label="Expires" name="expiresAt" type="date" defaultValue={values.expiresAt} error={error("expiresAt")} /> : null}
        </div>
        <TextField
          label="Serials"
          name="serials"
          defaultValue={values.serials}
          error={error("serials")}
          hint="For serial-tracked items: one per unit, separated by spaces"
        />
        <SelectField
          key={kind}
          label="Reason"
          name="reason"
          defaultValue={values.kind === kind && values.reason ? values.reason : rule.reason}
          error={error("reason")}
        >
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Reference"
          name="reference"
          defaultValue={values.reference}
          placeholder="Order or delivery note"
          error={error("reference")}
        />
        <TextField label="Note" name="note" defaultValue={values.note} error={error("note")} />
        {canOverrideConditions && rule.to ? (
          <TextField
            label="Override storage conditions (reason)"
            name="overrideConditions"
            defaultValue={values.overrideConditions}
            error={error("overrideConditions")}
            hint="Managers only, when the destination does not suit the item"
          />
        ) : null}
        {state.ok ? null : <FormMessage state={state} />}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Posting…" : `Post ${KINDS[kind].label.toLowerCase()}`}
        </Button>
      </form>
      <Result key={String(state.data?.undoId ?? state.message)} state={state} />
    </div>
  );
}
