import { Conflict, ValidationFailed } from "../domain-error";

/** The step cannot be taken from the transfer's current status (shipping a cancelled transfer, shipping twice). */
export class TransferNotAllowedNow extends Conflict {
  readonly code = "transfer_wrong_status";
  constructor(details: { transferId: string; status: string; step: string }) {
    // `transferStatus`, not `status`: a problem's `status` is the HTTP status and would hide it.
    super(`Transfer ${details.transferId} is ${details.status}: it cannot be ${details.step} now`, {
      transferId: details.transferId,
      transferStatus: details.status,
      step: details.step,
    });
  }
}

/** The transfer is worth more than the approval limit and a manager has not approved it yet. */
export class TransferNeedsApproval extends Conflict {
  readonly code = "transfer_needs_approval";
  constructor(details: { transferId: string; value: string | null; limit: number }) {
    super(
      `Transfer ${details.transferId} is worth ${details.value}, above the limit of ${details.limit}: a manager must approve it before it ships`,
      details,
    );
  }
}

/** A line the transfer cannot take: named on the field a person would correct. */
export class TransferRefused extends ValidationFailed {
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}
