import { DomainError, ValidationFailed, type FieldIssue } from "../domain-error";

/** Series that cannot be forecast as sent: each issue names the series by its id and says what is wrong. */
export class ForecastInputInvalid extends ValidationFailed {
  constructor(issues: FieldIssue[]) {
    super(issues);
  }
}

/** The caller left before a forecast in a thread was done: the thread was stopped and nothing is answered. */
export class ForecastAbandoned extends DomainError {
  readonly code = "client_gone";
  constructor() {
    super("The connection closed before the forecast was done; it was stopped");
  }
}
