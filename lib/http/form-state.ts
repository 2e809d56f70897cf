/** What a server action answers a form with: success, or a message and errors beside the fields. Client-safe. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Data the form may show after success (e.g. a new API key, shown once). */
  data?: Record<string, unknown>;
  /** What was submitted, so a refused form keeps the person's input (React resets forms after an action). */
  values?: Record<string, string | string[]>;
};

/** The submitted fields, minus secrets that should not travel back to the page. */
export function submittedValues(form: FormData, omit: string[] = ["password"]): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (omit.includes(key) || key.startsWith("$")) continue;
    const all = form.getAll(key).map(String);
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

/** The hidden field carrying a form's token: the idempotency key of its submission (lib/http/form-write.ts). */
export const FORM_TOKEN_FIELD = "$formToken";

export const initialFormState: FormState = { ok: false };

/** A form field's trimmed text, or undefined when it was left empty. */
export function formText(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? "").trim();
  return value === "" ? undefined : value;
}

/** A form field as a number (NaN when it is not one, for the schema to refuse), or undefined when empty. */
export function formNumber(form: FormData, name: string): number | undefined {
  const value = formText(form, name);
  return value === undefined ? undefined : Number(value);
}
