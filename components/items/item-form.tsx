"use client";

import { useActionState, useState } from "react";
import { createItemAction, updateItemAction } from "@/app/(app)/items/item-actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export type ItemFormValues = Partial<
  Record<
    | "sku"
    | "name"
    | "description"
    | "category"
    | "unit"
    | "tracking"
    | "barcodes"
    | "supplier"
    | "supplierSku"
    | "unitCost"
    | "tempMinC"
    | "tempMaxC"
    | "hazardClass"
    | "handlingNotes"
    | "reorderPoint"
    | "costingMethod"
    | "standardCost"
    | "costingFrom",
    string
  >
> & { active?: boolean };

/** Add an item (with its preferred supplier) or change one; errors show beside the fields and input is kept. */
export function ItemForm({
  mode,
  initial,
  categories,
  suppliers,
  hasHistory,
}: {
  mode: "create" | "edit";
  initial: ItemFormValues;
  categories: string[];
  suppliers: { code: string; name: string }[];
  hasHistory?: boolean;
}) {
  const [state, action, pending] = useActionState(mode === "create" ? createItemAction : updateItemAction, initialFormState);
  const values = { ...initial, ...(state.values as ItemFormValues | undefined) };
  const error = (field: string) => state.fieldErrors?.[field];
  const lockedByHistory = mode === "edit" && hasHistory ? "Fixed once stock has moved" : undefined;
  return (
    <form
      key={JSON.stringify(state.values ?? {})}
      action={action}
      className="grid max-w-3xl gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2"
      noValidate
    >
      <FormToken answer={state} />
      {mode === "edit" ? (
        <input type="hidden" name="sku" value={values.sku} />
      ) : (
        <TextField
          label="SKU"
          name="sku"
          defaultValue={values.sku}
          autoCapitalize="characters"
          error={error("sku")}
          hint="Unique; letters, digits, . _ -"
        />
      )}
      <TextField label="Name" name="name" defaultValue={values.name} error={error("name")} />
      <div className="sm:col-span-2">
        <TextField label="Description" name="description" defaultValue={values.description} error={error("description")} />
      </div>
      <datalist id="category-paths">
        {categories.map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      <TextField
        label="Category"
        name="category"
        list="category-paths"
        defaultValue={values.category}
        error={error("category")}
        hint="A path like Tools > Power tools > Drills; new ones are created"
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Unit"
          name="unit"
          defaultValue={values.unit ?? "ea"}
          disabled={Boolean(lockedByHistory)}
          error={error("unit")}
          hint={lockedByHistory}
        />
        <SelectField
          label="Tracking"
          name="tracking"
          defaultValue={values.tracking ?? "none"}
          disabled={Boolean(lockedByHistory)}
          error={error("tracking")}
        >
          <option value="none">none</option>
          <option value="lot">lot (batches, expiry)</option>
          <option value="serial">serial (per unit)</option>
        </SelectField>
      </div>
      <TextField
        label="Barcodes"
        name="barcodes"
        defaultValue={values.barcodes}
        error={error("barcodes")}
        hint="GTINs (check digit verified) or aliases, separated by spaces"
      />
      <TextField
        label="Reorder point"
        name="reorderPoint"
        type="number"
        inputMode="numeric"
        min={0}
        defaultValue={values.reorderPoint}
        error={error("reorderPoint")}
        hint="The item-wide default: at or below it the item shows as low; sites may set their own on the item page"
      />
      {mode === "create" ? (
        <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">Preferred supplier (optional)</legend>
          <SelectField label="Supplier" name="supplier" defaultValue={values.supplier ?? ""} error={error("supplier")}>
            <option value="">—</option>
            {suppliers.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextField label="Their SKU" name="supplierSku" defaultValue={values.supplierSku} error={error("supplierSku")} />
          <TextField label="Unit cost" name="unitCost" inputMode="decimal" defaultValue={values.unitCost} error={error("unitCost")} />
        </fieldset>
      ) : null}
      <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Storage requirements</legend>
        <TextField label="Min °C" name="tempMinC" type="number" step="0.1" defaultValue={values.tempMinC} error={error("tempMinC")} />
        <TextField label="Max °C" name="tempMaxC" type="number" step="0.1" defaultValue={values.tempMaxC} error={error("tempMaxC")} />
        <TextField label="Hazard class" name="hazardClass" defaultValue={values.hazardClass} error={error("hazardClass")} placeholder="e.g. 3" />
        <div className="sm:col-span-3">
          <TextField
            label="Handling notes"
            name="handlingNotes"
            defaultValue={values.handlingNotes}
            error={error("handlingNotes")}
            placeholder="Keep upright"
          />
        </div>
      </fieldset>
      <CostingFields values={values} error={error} askFrom={mode === "edit" && Boolean(hasHistory)} />
      {mode === "edit" ? (
        <Checkbox name="active" defaultChecked={values.active !== false} className="self-start sm:col-span-2">
          Active (untick to archive)
        </Checkbox>
      ) : null}
      <div className="sm:col-span-2">
        <FormMessage state={state} />
        <Button type="submit" disabled={pending} className="mt-2 w-full sm:w-auto">
          {pending ? "Saving…" : mode === "create" ? "Add item" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

const METHOD_CHOICES = [
  { value: "", label: "Inherit (category, else installation)" },
  { value: "fifo", label: "FIFO" },
  { value: "average", label: "Moving average" },
  { value: "standard", label: "Standard cost" },
];

/**
 * How the item's stock is valued: its own method or its category's; the standard cost only matters (and shows)
 * for the standard method; an item whose stock has moved may take the change from an earlier day.
 */
function CostingFields({ values, error, askFrom }: { values: ItemFormValues; error: (field: string) => string | undefined; askFrom: boolean }) {
  const [method, setMethod] = useState(values.costingMethod ?? "");
  return (
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">Costing</legend>
      <SelectField
        label="Costing method"
        name="costingMethod"
        // Uncontrolled, like the rest of the form (React resets it after an answer); the state only shows or hides
        // the standard cost.
        defaultValue={values.costingMethod ?? ""}
        onChange={(event) => setMethod(event.target.value)}
        error={error("costingMethod")}
      >
        {METHOD_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      {method === "standard" ? (
        <TextField
          label="Standard cost"
          name="standardCost"
          inputMode="decimal"
          defaultValue={values.standardCost}
          error={error("standardCost")}
          hint="Per unit; stock is valued at this"
        />
      ) : null}
      {askFrom ? (
        <TextField
          label="Change takes effect from"
          name="costingFrom"
          type="date"
          defaultValue={values.costingFrom}
          error={error("costingFrom")}
          hint="Today when left empty; not in a closed month"
        />
      ) : null}
    </fieldset>
  );
}
