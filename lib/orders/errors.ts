import { Conflict } from "../domain-error";

/** A step the order's status forbids (shipping a cancelled order, cancelling a shipped one). */
export class OrderStepRefused extends Conflict {
  readonly code = "order_step_refused";
  constructor(number: string, status: string, step: string, reason?: string) {
    super(reason ?? `Order ${number} is ${status}: it cannot be ${step}`, { order: number, status, step });
  }
}
