import { Conflict } from "../domain-error";

/** Its condition has cleared: there is nothing left to acknowledge. */
export class AlertResolved extends Conflict {
  readonly code = "alert_resolved";
  constructor(id: string) {
    super(`Alert ${id} has resolved by itself; there is nothing to acknowledge`, { alertId: id });
  }
}
