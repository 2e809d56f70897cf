import { ValidationFailed, type FieldIssue } from "../domain-error";

/** Series that cannot be forecast as sent: each issue names the series by its id and says what is wrong. */
export class ForecastInputInvalid extends ValidationFailed {
  constructor(issues: FieldIssue[]) {
    super(issues);
  }
}
