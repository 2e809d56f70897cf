import { Conflict } from "../domain-error";

/** An issue asks for more units than the item × site holds: there is nothing to value them at. */
export class IssueExceedsStock extends Conflict {
  readonly code = "issue_exceeds_stock";
  constructor(requested: number, onHand: number) {
    super(`Cannot value an issue of ${requested} units: only ${onHand} are on hand at this site`, { requested, onHand });
  }
}

/** A reversal that cannot put the cost back exactly (the units it names have moved on since). */
export class ReversalRefused extends Conflict {
  readonly code = "reversal_refused";
}

/** A cost layer a movement names is not in the state the caller passed. */
export class UnknownCostLayer extends Conflict {
  readonly code = "unknown_cost_layer";
  constructor(layerId: string) {
    super(`Cost layer ${layerId} is not among this item's layers at this site`, { layerId });
  }
}
