import { Conflict, Forbidden } from "../domain-error";

/** Redelivering what is still being delivered would send it twice. */
export class DeliveryStillPending extends Conflict {
  readonly code = "delivery_pending";
  constructor(deliveryId: string) {
    super(`Delivery ${deliveryId} is still pending; it will be tried again by itself`, { deliveryId });
  }
}

/** A webhook hears the events of every site, so an actor limited to some sites may not manage one. */
export class WebhooksNeedEverySite extends Forbidden {
  constructor() {
    super("webhooks.manage", undefined, "Webhooks hear events of every site: only an admin acting at every site may manage them");
  }
}
