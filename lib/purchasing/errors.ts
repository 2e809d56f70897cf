import { Conflict, RemoteFailure, ValidationFailed } from "../domain-error";

/** The step cannot be taken from the purchase order's current status (approving a sent order, receiving a draft). */
export class PurchaseOrderNotAllowedNow extends Conflict {
  readonly code = "purchase_order_wrong_status";
  constructor(details: { number: string; status: string; step: string }) {
    // `purchaseOrderStatus`, not `status`: a problem's `status` is the HTTP status and would hide it.
    super(`Purchase order ${details.number} is ${details.status.replace("_", " ")}: it cannot be ${details.step} now`, {
      number: details.number,
      purchaseOrderStatus: details.status,
      step: details.step,
    });
  }
}

/** The advance shipping notice with this SSCC was received already, or its SSCC is on another notice. */
export class ShipmentConflict extends Conflict {
  readonly code = "shipment_conflict";
}

/** A line the purchase order cannot take: named on the field a person would correct. */
export class PurchaseOrderRefused extends ValidationFailed {
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}

/** The mail server or the supplier's webhook refused the order or did not answer: it stays approved (502). */
export class PurchaseOrderNotDelivered extends RemoteFailure {
  readonly code = "purchase_order_not_delivered";
  constructor(details: { number: string; via: "email" | "webhook"; reason: string }) {
    const how = details.via === "email" ? "by e-mail" : "to the supplier's webhook";
    super(`Purchase order ${details.number} could not be sent ${how}: ${details.reason}. It is still approved.`, details);
  }
}
