/**
 * Errors → RFC 9457 problem details, the one table. Domain errors map by class; validation failures list every
 * failing field; anything unexpected is a 500 that carries a correlation id (also logged) and no internals.
 */
import { ZodError } from "zod";
import {
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  RemoteFailure,
  TooManyAttempts,
  Unauthenticated,
  ValidationFailed,
  type FieldIssue,
} from "../domain-error";
import { databaseErrorOf, isDatabaseBusy } from "../db/errors";
import { ShopUnreachable } from "../channels/errors";
import { BodyNotReceived, CrossSiteRequest, PayloadTooLarge, UnsupportedMediaType } from "./request-guards";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldIssue[];
  correlationId?: string;
  [extension: string]: unknown;
};

const STATUS_BY_CLASS: [abstract new (...args: never[]) => DomainError, number, string][] = [
  [ValidationFailed, 422, "Your request has invalid fields"],
  [PayloadTooLarge, 413, "Body too large"],
  [BodyNotReceived, 400, "Body not received"],
  [UnsupportedMediaType, 415, "Unsupported media type"],
  [CrossSiteRequest, 403, "Not allowed from another site"],
  [Unauthenticated, 401, "Authentication required"],
  [Forbidden, 403, "Not allowed"],
  [NotFound, 404, "Not found"],
  [TooManyAttempts, 429, "Too many attempts"],
  [Conflict, 409, "Conflict with the current state"],
  [ShopUnreachable, 502, "The shop could not be reached"],
  [RemoteFailure, 502, "Another system refused or did not answer"],
];

export class MalformedRequest extends DomainError {
  readonly code = "malformed_request";
}

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
}

export function problemType(code: string) {
  return `/problems/${code.replaceAll("_", "-")}`;
}

/**
 * Failures that are the caller's input, whichever layer noticed: a schema's, or PostgreSQL refusing a value it
 * cannot store or read as its type (the last line behind the edge's own checks, ./nul-guard.ts and the domains'
 * id guards). Anything else is left as it is.
 */
export function asDomainError(error: unknown): unknown {
  if (error instanceof ZodError) return new ValidationFailed(zodIssues(error));
  const code = databaseErrorOf(error)?.code;
  if (code === "22021" || code === "22P05")
    return new ValidationFailed([{ field: "(body)", message: "A text holds a character that cannot be stored (such as NUL, \\u0000)" }]);
  if (code === "22P02")
    return new ValidationFailed([{ field: "(body)", message: "A value is not of the form it should have (an id, a number, a date)" }]);
  return error;
}

export function toProblem(error: unknown, correlationId: string): Problem {
  error = asDomainError(error);
  if (error instanceof MalformedRequest) {
    return { type: problemType(error.code), title: "Malformed request", status: 400, detail: error.message, code: error.code };
  }
  if (error instanceof DomainError) {
    const [, status, title] = STATUS_BY_CLASS.find(([cls]) => error instanceof cls) ?? [DomainError, 400, "Request refused"];
    const { issues, ...details } = error.details as { issues?: FieldIssue[] };
    // Details first: the standard members and the stable code must win over a detail of the same name.
    return {
      ...details,
      type: problemType(error.code),
      title,
      status,
      detail: error.message,
      code: error.code,
      ...(issues ? { errors: issues } : {}),
    };
  }
  if (isDatabaseBusy(error)) {
    return {
      type: problemType("busy"),
      title: "Busy",
      status: 503,
      detail: "Every database connection is in use; nothing was done. Try again in a moment.",
      code: "busy",
    };
  }
  return {
    type: problemType("internal"),
    title: "Something went wrong on our side",
    status: 500,
    detail: `The error was logged with correlation id ${correlationId}; quote it when you report this.`,
    code: "internal",
    correlationId,
  };
}

export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", ...(problem.status === 503 ? { "retry-after": "1" } : {}), ...headers },
  });
}
