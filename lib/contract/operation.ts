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
  /**
   * "public": no credentials needed; "signedIn": any authenticated actor; "signature": a caller proves itself by
   * signing the body (a shop's webhook), not with an API key; else the permission required.
   */
  permission: Permission | "signedIn" | "public" | "signature";
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
   * "in-transaction": the handler receives the Idempotency-Key and hands it to the domain, whose unit of work
   * settles it with the effect (the ledger's hot path does so in its one statement); otherwise the edge runs the
   * handler in a unit of work with the key (lib/db/unit-of-work.ts).
   */
  idempotency?: "in-transaction";
  /** A POST that only reads (search, parse, resolve, render): an Idempotency-Key is accepted and nothing is stored. */
  readOnly?: boolean;
  /** Top-level members of the answer that are secrets: sent in the first answer, never stored for a replay. */
  secrets?: readonly string[];
  /** The body is a file of one of these media types, read whole under `maxBytes` (a CSV import), not JSON. */
  upload?: { mediaTypes: readonly string[]; maxBytes: number };
  /** The largest JSON body taken; 1 MiB when not said. */
  maxBodyBytes?: number;
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
