"use client";

import { useActionState } from "react";
import { createUserAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { initialFormState } from "@/lib/http/form-state";
import type { UserView } from "@/lib/users/schemas";
import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { SelectField, TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const ROLE_OPTIONS = ["admin", "manager", "clerk", "viewer"] as const;

function SiteChoices({ siteCodes, selected, error, idPrefix }: { siteCodes: string[]; selected: string[]; error?: string; idPrefix: string }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Sites</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {siteCodes.map((code) => (
          <Checkbox
            key={code}
            name="sites"
            value={code}
            defaultChecked={selected.includes(code)}
            id={`${idPrefix}-${code}`}
            className="rounded-lg ring-1 ring-slate-300 ring-inset"
          >
            {code}
          </Checkbox>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-500">Required for clerks; limits others when set.</p>
      )}
    </fieldset>
  );
}

function asList(value: string | string[] | undefined) {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function CreateUserForm({ siteCodes }: { siteCodes: string[] }) {
  const [state, action, pending] = useActionState(createUserAction, initialFormState);
  const values = state.values ?? {};
  return (
    // Keyed by the answer so a refused form re-renders with what was typed, and a successful one starts empty.
    <form key={JSON.stringify(values)} action={action} className="space-y-3" noValidate>
      <FormToken answer={state} />
      <TextField label="E-mail" name="email" type="email" required defaultValue={values.email as string} error={state.fieldErrors?.email} />
      <TextField label="Name" name="name" required defaultValue={values.name as string} error={state.fieldErrors?.name} />
      <SelectField label="Role" name="role" defaultValue={(values.role as string) ?? "clerk"} error={state.fieldErrors?.role}>
        {ROLE_OPTIONS.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.password}
        hint="At least 8 characters; share it with the person securely."
      />
      <SiteChoices siteCodes={siteCodes} selected={asList(values.sites)} error={state.fieldErrors?.sites} idPrefix="new" />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}

export function UserRow({ user, siteCodes, isSelf }: { user: UserView; siteCodes: string[]; isSelf: boolean }) {
  const [state, action, pending] = useActionState(updateUserAction, initialFormState);
  return (
    <li className="py-3" data-testid={`user-${user.email}`}>
      <form action={action} className="space-y-2">
        <FormToken answer={state} />
        <input type="hidden" name="id" value={user.id} />
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <div className="min-w-0">
            <p className="truncate font-medium">
              {user.name} {isSelf ? <span className="text-sm text-slate-500">(you)</span> : null}
            </p>
            <p className="truncate text-sm text-slate-600">{user.email}</p>
          </div>
          {user.active ? null : <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">deactivated</span>}
        </div>
        <details>
          <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand-700">
            {user.role}
            {user.sites.length ? ` · ${user.sites.join(", ")}` : " · all sites"} — change
          </summary>
          <div className="mt-2 space-y-3">
            <SelectField label="Role" name="role" defaultValue={user.role} id={`role-${user.id}`} error={state.fieldErrors?.role}>
              {ROLE_OPTIONS.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </SelectField>
            <SiteChoices siteCodes={siteCodes} selected={user.sites} error={state.fieldErrors?.sites} idPrefix={user.id} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="save" disabled={pending}>
                Save
              </Button>
              {isSelf ? null : user.active ? (
                <Button type="submit" name="intent" value="deactivate" variant="danger" disabled={pending}>
                  Deactivate
                </Button>
              ) : (
                <Button type="submit" name="intent" value="activate" variant="secondary" disabled={pending}>
                  Reactivate
                </Button>
              )}
            </div>
          </div>
        </details>
        <FormMessage state={state} />
      </form>
    </li>
  );
}
