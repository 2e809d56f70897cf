import { Conflict } from "../domain-error";

/** Done or cancelled already: there is nothing left to confirm. */
export class ReplenishmentNotOpen extends Conflict {
  readonly code = "replenishment_not_open";
  constructor(id: string, status: string) {
    super(`Replenishment ${id} is ${status}, not open`, { replenishmentId: id, replenishmentStatus: status });
  }
}
