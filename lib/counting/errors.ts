import { Conflict, ValidationFailed } from "../domain-error";

export class CountAlreadyOpen extends Conflict {
  readonly code = "count_already_open";
  constructor(location: string, countId: string) {
    super(`${location} is already being counted: count ${countId} is open`, { location, countId });
  }
}

export class CountNotOpen extends Conflict {
  readonly code = "count_not_open";
  constructor(countId: string, status: string) {
    super(`Count ${countId} is ${status}, not open`, { countId, status });
  }
}

/** The stock moved while the count was being posted; nothing was posted and the count stays open. */
export class CountMovedMeanwhile extends Conflict {
  readonly code = "count_changed";
  constructor(countId: string) {
    super(`Stock under count ${countId} changed while it was being submitted; submit again`, { countId });
  }
}

/** A scan that cannot be counted, named by its position: scans.N.field. */
export class ScanRefused extends ValidationFailed {
  constructor(index: number, field: string, message: string) {
    super([{ field: `scans.${index}.${field}`, message }]);
  }
}
