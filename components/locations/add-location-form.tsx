"use client";

import { useActionState } from "react";
import { createLocationAction } from "@/app/(app)/locations/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const CHILD_TYPE: Record<string, string> = { site: "zone", zone: "aisle", aisle: "rack", rack: "shelf", shelf: "bin", bin: "bin" };

/**
 * Adds a location inside `parent`, with the storage conditions it provides (the parent's prefilled). The type
 * offered is that of the locations already there, else the next level down.
 */
export function AddLocationForm({
  parent,
  parentType,
  siblingType,
  inherited,
}: {
  parent: string;
  parentType: string;
  siblingType?: string;
  inherited: { tempMinC: number | null; tempMaxC: number | null; hazardClasses: string[] };
}) {
  const [state, action, pending] = useActionState(createLocationAction, initialFormState);
  const values = (state.values ?? {}) as Record<string, string>;
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form key={JSON.stringify(values)} action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <input type="hidden" name="parent" value={parent} />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Code"
          name="code"
          defaultValue={values.code}
          placeholder={`${parent}-01`}
          autoCapitalize="characters"
          error={error("code")}
        />
        <SelectField label="Type" name="type" defaultValue={values.type ?? siblingType ?? CHILD_TYPE[parentType] ?? "bin"} error={error("type")}>
          {["zone", "aisle", "rack", "shelf", "bin"].map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label="Name" name="name" defaultValue={values.name} error={error("name")} />
      <div className="grid grid-cols-3 gap-3">
        <TextField
          label="Min °C"
          name="tempMinC"
          type="number"
          step="0.1"
          defaultValue={values.tempMinC ?? inherited.tempMinC?.toString()}
          error={error("tempMinC")}
        />
        <TextField
          label="Max °C"
          name="tempMaxC"
          type="number"
          step="0.1"
          defaultValue={values.tempMaxC ?? inherited.tempMaxC?.toString()}
          error={error("tempMaxC")}
        />
        <TextField label="Capacity" name="capacityUnits" type="number" min={1} defaultValue={values.capacityUnits} error={error("capacityUnits")} />
      </div>
      <TextField
        label="Hazard classes approved"
        name="hazardClasses"
        defaultValue={values.hazardClasses ?? inherited.hazardClasses.join(" ")}
        placeholder="e.g. 3 8"
        error={error("hazardClasses")}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add location"}
      </Button>
    </form>
  );
}
