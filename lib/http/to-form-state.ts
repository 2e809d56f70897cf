import { DomainError, ValidationFailed } from "../domain-error";
import type { FormState } from "./form-state";
import { asDomainError } from "./problem";

/** The same mapping the API uses, shaped for a form. Unknown errors are rethrown to the error boundary. */
export function toFormState(error: unknown): FormState {
  error = asDomainError(error);
  if (error instanceof ValidationFailed) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.field] ??= issue.message;
    return { ok: false, message: "Please correct the marked fields.", fieldErrors };
  }
  if (error instanceof DomainError) return { ok: false, message: error.message };
  throw error;
}
