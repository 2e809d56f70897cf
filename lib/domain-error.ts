/**
 * Base of every error the domain throws on purpose. `code` is stable (clients and lib/http/problem.ts key on
 * it), `message` is in the user's words, `details` carries what a caller needs to act on it.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One field that failed validation, named by its path in the input ("sites.0"). */
export type FieldIssue = { field: string; message: string };

export class ValidationFailed extends DomainError {
  readonly code: string = "validation_failed";
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; ") || "The input is not valid", { issues });
  }
}

export class NotFound extends DomainError {
  readonly code: string = "not_found";
  constructor(what: string, key: string) {
    super(`${what} ${key} does not exist`, { what, key });
  }
}

export class Conflict extends DomainError {
  readonly code: string = "conflict";
}

export class Unauthenticated extends DomainError {
  readonly code = "unauthenticated";
  constructor(message = "Sign in or send an API key as `Authorization: Bearer <key>`") {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly code = "forbidden";
  /** `message` replaces the default when the refusal is not about the role or the site (a rule of who may). */
  constructor(permission: string, siteId?: string, message?: string) {
    super(
      message ?? (siteId ? `You may not ${permission} at this site` : `Your role may not ${permission}`),
      siteId ? { permission, siteId } : { permission },
    );
  }
}

export class TooManyAttempts extends DomainError {
  readonly code: string = "too_many_attempts";
}

/** Another system refused or did not answer a call made on the caller's behalf (a mail server, a supplier's URL): 502. */
export class RemoteFailure extends DomainError {
  readonly code: string = "remote_failure";
}
