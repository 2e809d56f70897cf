import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type FieldProps = { label: string; name: string; id?: string; error?: string; hint?: ReactNode };

const CONTROL = "mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 text-base shadow-sm";

function Frame({ label, id, error, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-sm text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error message beside it (and announced to screen readers). */
export function TextField({ label, name, id = name, error, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame label={label} name={name} id={id} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${CONTROL} ${error ? "border-red-500" : "border-slate-300"}`}
        {...input}
      />
    </Frame>
  );
}

export function SelectField({ label, name, id = name, error, hint, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame label={label} name={name} id={id} error={error} hint={hint}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        className={`${CONTROL} ${error ? "border-red-500" : "border-slate-300"}`}
        {...select}
      >
        {children}
      </select>
    </Frame>
  );
}
