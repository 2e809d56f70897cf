/** What a server action answers a form with: success, or a message and errors beside the fields. Client-safe. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Data the form may show after success (e.g. a new API key, shown once). */
  data?: Record<string, unknown>;
};

export const initialFormState: FormState = { ok: false };
