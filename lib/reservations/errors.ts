import { Conflict } from "../domain-error";

/** Less is available than asked for: nothing is reserved; `available` says how much could have been. */
export class NotEnoughToReserve extends Conflict {
  readonly code = "not_enough_available";
  constructor(details: { sku: string; site: string; lot: string | null; requested: number; available: number; field?: string }) {
    const message = `Only ${details.available} of ${details.sku}${details.lot ? ` lot ${details.lot}` : ""} available at ${details.site}; ${details.requested} requested`;
    const { field, ...rest } = details;
    super(message, { ...rest, ...(field ? { issues: [{ field, message }] } : {}) });
  }
}

/** A step the reservation's state forbids (releasing a fulfilled one, extending an expired one). */
export class ReservationNotActive extends Conflict {
  readonly code = "reservation_not_active";
  constructor(id: string, status: string) {
    // Not `status`: a problem's `status` is the HTTP status and would hide it.
    super(`Reservation ${id} is ${status}, not active`, { reservationId: id, reservationStatus: status });
  }
}

export class FulfilExceedsHeld extends Conflict {
  readonly code = "fulfil_exceeds_held";
  constructor(id: string, held: number, requested: number) {
    super(`Reservation ${id} holds ${held}; ${requested} cannot be fulfilled`, {
      reservationId: id,
      held,
      requested,
      issues: [{ field: "quantity", message: `At most ${held}` }],
    });
  }
}

/** Reservations that belong to an order are released, fulfilled and extended through the order. */
export class ReservationOfAnOrder extends Conflict {
  readonly code = "reservation_of_an_order";
  constructor(id: string, orderNumber: string) {
    super(`Reservation ${id} holds stock for order ${orderNumber}; change it through the order`, { reservationId: id, orderNumber });
  }
}

/** Reservations that hold a document's lines (a pick list's) end with the document: picked, or the list cancelled. */
export class ReservationOfADocument extends Conflict {
  readonly code = "reservation_of_a_document";
  constructor(id: string, document: string) {
    super(`Reservation ${id} holds stock for ${document}; it ends when that is picked or cancelled`, { reservationId: id, document });
  }
}

/** A transfer's hold ships or is released with its transfer (lib/transfers/transfer-holds.ts), not on its own. */
export class ReservationOfATransfer extends Conflict {
  readonly code = "reservation_of_a_transfer";
  constructor(id: string, transferId: string) {
    super(`Reservation ${id} holds stock for transfer ${transferId}; ship or cancel the transfer instead`, { reservationId: id, transferId });
  }
}
