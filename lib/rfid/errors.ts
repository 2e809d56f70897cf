import { ValidationFailed } from "../domain-error";

/** An EPC that cannot be decoded; the API answers 422 with the reason under field "epc". */
export function invalidEpc(reason: string): ValidationFailed {
  return new ValidationFailed([{ field: "epc", message: reason }]);
}
