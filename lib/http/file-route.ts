/**
 * A route that answers with a file the domain renders (labels as PDF, ZPL or PNG): authenticate as every API
 * route does (API key, else session), check the operation's permission, parse params, query and JSON body with
 * its schemas, call, and send the bytes with their media type and Content-Disposition. Refusals and failures are
 * problem JSON. Such routes only read, so there is no Idempotency-Key handling.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import { getDb, type Db } from "../db/client";
import { Forbidden, Unauthenticated } from "../domain-error";
import { authenticate } from "./api-route";
import type { Operation } from "../contract/operation";
import { MalformedRequest, problemResponse, toProblem } from "./problem";

/** What a file route sends; `inline` opens in the browser (a PDF to print), else it downloads. */
export type DownloadFile = { body: Uint8Array | string; contentType: string; fileName: string; inline: boolean };

type Input<O extends Operation> = {
  db: Db;
  actor: Actor;
  params: z.output<NonNullable<O["params"]>>;
  query: z.output<NonNullable<O["query"]>>;
  body: z.output<NonNullable<O["body"]>>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

async function jsonBody(request: Request): Promise<unknown> {
  const raw = await request.text();
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new MalformedRequest("The body is not valid JSON");
  }
}

export function fileRoute<O extends Operation>(operation: O, handler: (input: Input<O>) => Promise<DownloadFile>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const correlationId = randomUUID();
    const url = new URL(request.url);
    try {
      const actor = await authenticate(request);
      if (!actor) throw new Unauthenticated();
      if (operation.permission !== "signedIn" && operation.permission !== "public" && !can(actor, operation.permission)) {
        throw new Forbidden(operation.permission);
      }
      const params = operation.params ? operation.params.parse(await context.params) : {};
      const query = operation.query ? operation.query.parse(Object.fromEntries(url.searchParams)) : {};
      const body = operation.body ? operation.body.parse(await jsonBody(request)) : undefined;
      const file = await handler({ db: getDb(), actor, params, query, body } as Input<O>);
      // The name is ASCII already (the domain makes it); quotes are dropped so it cannot end the header value.
      const fileName = file.fileName.replaceAll('"', "");
      return new Response(typeof file.body === "string" ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]), {
        headers: {
          "content-type": file.contentType,
          "content-disposition": `${file.inline ? "inline" : "attachment"}; filename="${fileName}"`,
          "cache-control": "no-store",
        },
      });
    } catch (error) {
      const problem = toProblem(error, correlationId);
      if (problem.status >= 500) console.error(`[${correlationId}] ${url.pathname}`, error);
      return problemResponse({ ...problem, instance: url.pathname });
    }
  };
}
