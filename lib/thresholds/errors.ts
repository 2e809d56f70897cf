import { ValidationFailed } from "../domain-error";

/**
 * The item-wide default reaches every site: someone who acts at some sites only must name one of them. Refused as
 * the missing field it is (422 naming `site`), so the door of the operation stays the role's, as everywhere.
 */
export class DefaultNeedsEverySite extends ValidationFailed {
  constructor() {
    super([
      { field: "site", message: "You act at some sites only: name your site (only someone who acts at every site sets the item-wide default)" },
    ]);
  }
}
