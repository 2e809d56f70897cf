import { Conflict, ValidationFailed } from "../domain-error";

/** A step the order's status forbids (shipping a cancelled order, cancelling a shipped one). */
export class OrderStepRefused extends Conflict {
  readonly code = "order_step_refused";
  constructor(number: string, status: string, step: string, reason?: string) {
    super(reason ?? `Order ${number} is ${status}: it cannot be ${step}`, { order: number, status, step });
  }
}

/**
 * A scan the pack station refuses, on the field to correct, with a `code` the station buzzes on: `wrong_item`
 * (not on the order), `too_many` (more than picked and not yet packed), `unknown_code` (the scan names no item).
 */
export class PackRefused extends ValidationFailed {
  constructor(
    readonly code: "wrong_item" | "too_many" | "unknown_code",
    field: string,
    message: string,
  ) {
    super([{ field, message }]);
  }
}

/** A package that is already closed (or empty, when closing) cannot take this step. */
export class PackageNotOpen extends Conflict {
  readonly code = "package_not_open";
  constructor(order: string, number: number, reason: string) {
    super(`Package ${number} of order ${order} ${reason}`, { order, package: number });
  }
}
