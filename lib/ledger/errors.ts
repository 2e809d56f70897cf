import { Conflict, ValidationFailed } from "../domain-error";

export class InsufficientStock extends Conflict {
  readonly code = "insufficient_stock";
  constructor(details: { sku: string; location: string; lot: string | null; requested: number; available: number; index?: number }) {
    super(
      `Only ${details.available} of ${details.sku}${details.lot ? ` lot ${details.lot}` : ""} available at ${details.location}; ${details.requested} requested`,
      details,
    );
  }
}

export class SerialNotAtSource extends Conflict {
  readonly code = "serial_not_here";
  constructor(details: { sku: string; location: string; serials: string[]; index?: number }) {
    super(`Not all of these serials of ${details.sku} are at ${details.location}: ${details.serials.join(", ")}`, details);
  }
}

export class CountChangedMeanwhile extends Conflict {
  readonly code = "count_changed";
  constructor(details: { sku: string; location: string }) {
    super(`Stock of ${details.sku} at ${details.location} kept changing while the count was posted; count again`, details);
  }
}

export class AlreadyReversed extends Conflict {
  readonly code = "already_reversed";
  constructor(movementId: string) {
    super(`Movement ${movementId} has already been reversed`, { movementId });
  }
}

/** A rule about what a movement may be: named on the field a person would correct. */
export class MovementRefused extends ValidationFailed {
  constructor(field: string, message: string, index?: number) {
    super([{ field: index === undefined ? field : `movements.${index}.${field}`, message }]);
  }
}
