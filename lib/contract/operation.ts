import type { z } from "zod";
import type { Permission } from "../auth/permissions";

/**
 * One REST operation, described once. The edge wrapper (lib/http/api-route.ts) enforces it and the OpenAPI
 * document (lib/http/openapi.ts) publishes it, so what is documented is what is enforced. Domains import this
 * folder, never lib/http: the contract knows no HTTP handling.
 */
export type Operation<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> = {
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string; // OpenAPI style: /api/v1/users/{id}
  summary: string;
  description?: string;
  tag: string;
  /** "public": no credentials needed; "signedIn": any authenticated actor; else the permission required. */
  permission: Permission | "signedIn" | "public";
  params?: Params;
  query?: Query;
  body?: Body;
  response: Response;
  status?: 200 | 201 | 202;
  /** The success body's media type when it is not JSON (the live event stream). */
  contentType?: "text/event-stream" | "text/csv";
  /** File answers (labels): each media type the operation may send, documented as binary. */
  fileTypes?: readonly string[];
  /**
   * "in-transaction": the handler receives the Idempotency-Key context and records it in the same transaction as
   * its write (the ledger does); otherwise the route wrapper claims and settles the key around the handler.
   */
  idempotency?: "in-transaction";
  /** The problem codes this operation can answer with, besides validation, auth and server errors. */
  problems?: readonly string[];
};

export function defineOperation<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
>(operation: Operation<Params, Query, Body, Response>) {
  return operation;
}
