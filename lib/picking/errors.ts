import { Conflict, ValidationFailed } from "../domain-error";

export class PickListReferenceTaken extends Conflict {
  readonly code = "pick_list_reference_taken";
  constructor(site: string, reference: string) {
    super(`Site ${site} already has a pick list for ${reference}`, { site, reference });
  }
}

/** The site holds too little for a line; `errors` names the line's quantity so a form can point at it. */
export class NotEnoughToPick extends Conflict {
  readonly code = "not_enough_to_pick";
  constructor(details: { line: number; sku: string; requested: number; available: number; from: string | null; lot: string | null }) {
    const where = details.from ? ` in ${details.from}` : "";
    const message = `Line ${details.line + 1}: only ${details.available} of ${details.sku}${details.lot ? ` lot ${details.lot}` : ""} available${where}; ${details.requested} requested`;
    super(message, { ...details, issues: [{ field: `lines.${details.line}.quantity`, message }] });
  }
}

export class PickListNotOpen extends Conflict {
  readonly code = "pick_list_not_open";
  constructor(id: string, status: string) {
    super(`Pick list ${id} is ${status}, not open`, { pickListId: id, status });
  }
}

/** A scan that does not match the line being picked: named on the field the picker would correct. */
export class PickRefused extends ValidationFailed {
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}

/** An order's line whose hold is no longer on its bin (a short count moved it): pick it from where it is now. */
export class PickNotHeld extends Conflict {
  readonly code = "pick_not_held";
  constructor(order: string, location: string, held: number, requested: number) {
    super(`Order ${order} holds ${held} in ${location}; ${requested} cannot be picked there`, { order, location, held, requested });
  }
}
