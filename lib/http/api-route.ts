/**
 * The route wrapper every REST handler uses: authenticate (API key or session), check the operation's
 * permission, parse params, query and body with its schemas, apply the Idempotency-Key, call the domain,
 * serialize with the response schema, and map errors to problem JSON. Next-aware; imported by app/ only.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import { loadApiKeyActor } from "../auth/load-actor";
import { getRequestSessionActor } from "../auth/session";
import { getDb, type Db } from "../db/client";
import { Forbidden, Unauthenticated } from "../domain-error";
import { claimIdempotencyKey, idempotencyContext, settleIdempotencyKey, type IdempotencyContext } from "./idempotency";
import type { Operation } from "../contract/operation";
import { MalformedRequest, problemResponse, toProblem } from "./problem";

type Input<O extends Operation> = {
  db: Db;
  /** Set for operations with `idempotency: "in-transaction"` when the request carries an Idempotency-Key. */
  idempotency: IdempotencyContext | null;
  actor: O["permission"] extends "public" ? Actor | null : Actor;
  params: z.output<NonNullable<O["params"]>>;
  query: z.output<NonNullable<O["query"]>>;
  body: z.output<NonNullable<O["body"]>>;
  request: Request;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** The actor behind a request: an API key (`Authorization: Bearer`), else the session cookie, else null. */
export async function authenticate(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new Unauthenticated("Send the API key as `Authorization: Bearer <key>`");
    const actor = await loadApiKeyActor(getDb(), match[1]);
    if (!actor) throw new Unauthenticated("This API key is unknown or revoked");
    return actor;
  }
  // Only decode a session when the request carries one; a service without a key is simply unauthenticated.
  return /next-auth\.session-token=/.test(request.headers.get("cookie") ?? "") ? getRequestSessionActor(request) : null;
}

async function readBody(request: Request): Promise<{ raw: string; json: unknown }> {
  const raw = await request.text();
  if (raw.trim() === "") return { raw, json: undefined };
  try {
    return { raw, json: JSON.parse(raw) };
  } catch {
    throw new MalformedRequest("The body is not valid JSON");
  }
}

function json(status: number, body: unknown, headers: HeadersInit = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function apiRoute<O extends Operation>(operation: O, handler: (input: Input<O>) => Promise<z.input<O["response"]>>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const correlationId = randomUUID();
    try {
      const actor = await authenticate(request);
      if (operation.permission !== "public") {
        if (!actor) throw new Unauthenticated();
        if (operation.permission !== "signedIn" && !can(actor, operation.permission)) throw new Forbidden(operation.permission);
      }
      const url = new URL(request.url);
      const params = operation.params ? operation.params.parse(await context.params) : {};
      const query = operation.query ? operation.query.parse(Object.fromEntries(url.searchParams)) : {};
      const key = request.headers.get("idempotency-key");
      const isWrite = operation.method !== "GET";
      // An operation without a JSON body (a CSV upload) reads its own body; the key's hash still covers it.
      const { raw, json: rawJson } = operation.body
        ? await readBody(request)
        : { raw: key !== null && isWrite ? await request.clone().text() : "", json: undefined };
      const body = operation.body ? operation.body.parse(rawJson ?? {}) : undefined;
      const run = (idempotency: IdempotencyContext | null) =>
        answerOf(() => handler({ db: getDb(), actor, params, query, body, request, idempotency } as Input<O>), operation, correlationId, url);

      if (key === null || !isWrite || !actor) return respond(await run(null));
      const idempotency = idempotencyContext(actor, { key, method: operation.method, path: url.pathname, rawBody: raw });
      if (operation.idempotency === "in-transaction") return respond(await run(idempotency));
      const claim = await claimIdempotencyKey(getDb(), idempotency);
      if (claim.kind === "replay") return respond(claim.answer, true);
      const answer = await run(null);
      await settleIdempotencyKey(getDb(), idempotency, answer);
      return respond(answer);
    } catch (error) {
      return problemResponse(problemFor(error, correlationId, new URL(request.url)));
    }
  };
}

/** The answer as a response; a replayed one (a stored answer, or a ledger replay saying so) is marked. */
function respond(answer: { status: number; body: unknown }, isReplay = (answer.body as { replayed?: unknown } | null)?.replayed === true) {
  const headers: Record<string, string> = isReplay ? { "idempotent-replayed": "true" } : {};
  return answer.status >= 400 ? problemResponse(answer.body as never, headers) : json(answer.status, answer.body, headers);
}

async function answerOf(call: () => Promise<unknown>, operation: Operation, correlationId: string, url: URL) {
  try {
    const result = await call();
    // A response that does not fit its published schema is our bug (a 500), not the caller's (a 422).
    const shaped = operation.response.safeParse(result);
    if (!shaped.success) throw new Error(`response of ${operation.id} does not match its schema: ${shaped.error.message}`);
    return { status: operation.status ?? 200, body: shaped.data };
  } catch (error) {
    const problem = problemFor(error, correlationId, url);
    return { status: problem.status, body: problem };
  }
}

function problemFor(error: unknown, correlationId: string, url: URL) {
  const problem = toProblem(error, correlationId);
  if (problem.status === 503) console.warn(`[${correlationId}] ${url.pathname}: ${problem.detail}`);
  else if (problem.status >= 500) console.error(`[${correlationId}] ${url.pathname}`, error);
  return { ...problem, instance: url.pathname };
}
