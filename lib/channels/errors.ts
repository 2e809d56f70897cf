import { DomainError } from "../domain-error";

/** The shop's platform refused or did not answer a call made on the caller's behalf (reconcile): 502. */
export class ShopUnreachable extends DomainError {
  readonly code = "shop_unreachable";
  constructor(channel: string, reason: string) {
    super(`The shop ${channel} could not be reached: ${reason}`, { channel });
  }
}
