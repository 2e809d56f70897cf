import { Forbidden } from "../domain-error";

/** The item-wide default reaches every site: only someone acting at every site may set it. */
export class DefaultNeedsEverySite extends Forbidden {
  constructor() {
    super("thresholds.manage", undefined, "Only someone who acts at every site may set the item-wide default: name your site");
  }
}
