import { Conflict, ValidationFailed } from "../domain-error";

export class LocationCodeTaken extends Conflict {
  readonly code = "location_code_taken";
  constructor(code: string) {
    // Not `code`: lib/http/problem.ts spreads details over the problem, where `code` is the error's own code.
    super(`A location with the code ${code} already exists`, { location: code });
  }
}

export class ParentRequired extends ValidationFailed {
  constructor(type: string) {
    super([{ field: "parent", message: `A ${type} must be inside another location: give its code as parent` }]);
  }
}

export class SiteTakesNoParent extends ValidationFailed {
  constructor() {
    super([{ field: "parent", message: "A site is the top of its tree and has no parent" }]);
  }
}

export class ParentIsVirtual extends ValidationFailed {
  constructor(parent: string) {
    super([{ field: "parent", message: `${parent} is a virtual location and cannot contain others` }]);
  }
}

export class SiteConditionsNotSupported extends ValidationFailed {
  constructor(fields: string[]) {
    super(fields.map((field) => ({ field, message: "Set storage conditions and capacity on the locations inside a site" })));
  }
}
