import { Conflict, ValidationFailed } from "../domain-error";

export class EmailTaken extends Conflict {
  readonly code = "email_taken";
  constructor(email: string) {
    super(`A user with the e-mail ${email} already exists`, { email });
  }
}

export class ClerkNeedsSite extends ValidationFailed {
  constructor() {
    super([{ field: "sites", message: "A clerk must be assigned to at least one site" }]);
  }
}

export class UnknownSites extends ValidationFailed {
  constructor(codes: string[]) {
    super([{ field: "sites", message: `Unknown site code${codes.length > 1 ? "s" : ""}: ${codes.join(", ")}` }]);
  }
}

export class CannotChangeOwnAccess extends Conflict {
  readonly code = "own_access";
  constructor() {
    super("You cannot deactivate yourself or take away your own admin role: ask another admin");
  }
}
