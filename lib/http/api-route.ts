/**
 * The one edge wrapper every REST handler uses, whatever it answers (JSON, a file, a CSV download, the event
 * stream): refuse cross-site cookie writes, authenticate (API key or session), check the operation's permission,
 * parse params, query and a size-capped body with its schemas, run the handler (in a unit of work with the
 * Idempotency-Key, for writes that send one), shape the answer with the response schema, and map every error to
 * problem JSON. Next-aware; imported by app/ only.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import { loadApiKeyActor } from "../auth/load-actor";
import { getRequestSessionActor } from "../auth/session";
import type { Operation } from "../contract/operation";
import { getDb, type Db } from "../db/client";
import { apiSecurityHeaders, isServedOverHttps } from "../security-headers/security-headers";
import { idempotencyKeyOf, type IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { Forbidden, Unauthenticated } from "../domain-error";
import { FileAnswer, fileResponse, StreamAnswer, streamResponse } from "./edge-answers";
import { refuseNulCharacters } from "./nul-guard";
import { MalformedRequest, problemResponse, toProblem, type Problem } from "./problem";
import { MAX_JSON_BYTES, mediaTypeOf, readBodyCapped, refuseCrossSiteWrite, UnsupportedMediaType } from "./request-guards";

type Input<O extends Operation> = {
  db: Db;
  /** For operations with `idempotency: "in-transaction"`: the request's key, for the domain's own unit of work. */
  idempotency: IdempotencyKey | null;
  actor: O["permission"] extends "public" ? Actor | null : Actor;
  params: z.output<NonNullable<O["params"]>>;
  query: z.output<NonNullable<O["query"]>>;
  body: z.output<NonNullable<O["body"]>>;
  /** For operations with `upload`: the uploaded file's bytes. */
  upload: Uint8Array;
  request: Request;
};

type Answer<O extends Operation> = z.input<O["response"]> | FileAnswer | StreamAnswer;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

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
  return hasSessionCookie(request) ? getRequestSessionActor(request) : null;
}

function hasSessionCookie(request: Request) {
  return SESSION_COOKIE.test(request.headers.get("cookie") ?? "");
}

export function apiRoute<O extends Operation>(operation: O, handler: (input: Input<O>) => Promise<Answer<O>>) {
  return async (request: Request, context: RouteContext): Promise<Response> => withApiSecurityHeaders(await answer(request, context), request);
  async function answer(request: Request, context: RouteContext): Promise<Response> {
    const correlationId = randomUUID();
    const url = new URL(request.url);
    try {
      const isWrite = operation.method !== "GET";
      if (isWrite && !request.headers.has("authorization") && hasSessionCookie(request)) {
        refuseCrossSiteWrite(request, operation.upload?.mediaTypes ?? ["application/json"]);
      }
      const actor = await authenticate(request);
      checkPermission(operation, actor);
      const rawParams = await context.params;
      const rawQuery = Object.fromEntries(url.searchParams);
      refuseNulCharacters({ params: rawParams, query: rawQuery });
      const params = operation.params ? operation.params.parse(rawParams) : {};
      const query = operation.query ? operation.query.parse(rawQuery) : {};
      if (operation.upload && /^(multipart\/form-data|application\/x-www-form-urlencoded)$/.test(mediaTypeOf(request))) {
        throw new UnsupportedMediaType(operation.upload.mediaTypes); // the file itself is the body, not a form around it
      }
      const raw = isWrite ? await readBodyCapped(request, operation.upload?.maxBytes ?? operation.maxBodyBytes ?? MAX_JSON_BYTES) : new Uint8Array();
      const json = operation.upload ? {} : parseJson(raw);
      refuseNulCharacters({ body: json });
      const body = operation.body ? operation.body.parse(json) : undefined;
      const key = idempotencyKeyFor(operation, request, actor, url, raw);
      const inTransaction = operation.idempotency === "in-transaction";
      const call = (db: Db) => handler({ db, actor, params, query, body, upload: raw, request, idempotency: inTransaction ? key : null } as Input<O>);

      if (!key || inTransaction) return respond(operation, await shape(operation, await call(getDb())), false, correlationId, url);
      const result = await inUnitOfWork(
        getDb(),
        {
          idempotency: key,
          status: operation.status ?? 200,
          storedAnswer: (answer) => withoutSecrets(answer, operation),
          timeoutMs: 120_000,
        },
        async (tx) => shape(operation, await call(tx as unknown as Db)),
      );
      return result.replayed
        ? respond(operation, result.stored, true, correlationId, url)
        : respond(operation, result.value, false, correlationId, url);
    } catch (error) {
      return problemResponse(problemFor(error, correlationId, url));
    }
  }
}

/** The security headers of an API answer (proxy.ts leaves /api/v1 to us), HSTS when served over HTTPS. */
export function withApiSecurityHeaders(response: Response, request: Request): Response {
  const isHttps = isServedOverHttps(process.env.NEXTAUTH_URL, request.headers.get("x-forwarded-proto"), new URL(request.url).protocol);
  for (const [name, value] of Object.entries(apiSecurityHeaders(isHttps))) response.headers.set(name, value);
  return response;
}

function checkPermission(operation: Operation, actor: Actor | null) {
  if (operation.permission === "public") return;
  // A signed request is checked by its own handler (it needs the raw body); an API key proves nothing there.
  if (operation.permission === "signature") throw new Error(`${operation.id}: signed operations have a handler of their own, not apiRoute`);
  if (!actor) throw new Unauthenticated();
  if (operation.permission !== "signedIn" && !can(actor, operation.permission)) throw new Forbidden(operation.permission);
}

function parseJson(raw: Uint8Array): unknown {
  const text = new TextDecoder().decode(raw);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedRequest("The body is not valid JSON");
  }
}

/** The request's Idempotency-Key, for a write that stores something; read-only POSTs keep nothing. */
function idempotencyKeyFor(operation: Operation, request: Request, actor: Actor | null, url: URL, raw: Uint8Array): IdempotencyKey | null {
  const key = request.headers.get("idempotency-key");
  if (key === null || operation.method === "GET" || operation.readOnly || !actor) return null;
  return idempotencyKeyOf(actor, { key, method: operation.method, path: url.pathname, body: raw });
}

/** The handler's answer as the response schema shapes it; a JSON answer that does not fit is our bug (500). */
async function shape(operation: Operation, answer: unknown): Promise<unknown> {
  if (answer instanceof FileAnswer || answer instanceof StreamAnswer) return answer;
  const shaped = operation.response.safeParse(answer);
  if (!shaped.success) throw new Error(`response of ${operation.id} does not match its schema: ${shaped.error.message}`);
  return shaped.data;
}

/** What is kept to answer a retry: the answer, its secrets replaced by null and a note that they were shown once. */
export function withoutSecrets(answer: unknown, operation: Pick<Operation, "secrets">): unknown {
  if (!operation.secrets?.length || answer === null || typeof answer !== "object") return answer;
  const kept: Record<string, unknown> = { ...(answer as Record<string, unknown>) };
  for (const name of operation.secrets) kept[name] = null;
  return { ...kept, secretsShownOnce: `${operation.secrets.join(", ")}: shown once, in the first answer, and not stored` };
}

function respond(operation: Operation, answer: unknown, isReplay: boolean, correlationId: string, url: URL): Response {
  if (answer instanceof FileAnswer) return fileResponse(answer);
  if (answer instanceof StreamAnswer)
    return streamResponse(answer, (error) => console.error(`[${correlationId}] ${url.pathname} failed while streaming`, error));
  const status = operation.status ?? 200;
  // A replay is marked: a stored answer, or a domain answer saying so (the ledger's own unit of work).
  const replayed = isReplay || (answer as { replayed?: unknown } | null)?.replayed === true;
  return new Response(JSON.stringify(answer), {
    status,
    headers: { "content-type": "application/json", ...(replayed ? { "idempotent-replayed": "true" } : {}) },
  });
}

function problemFor(error: unknown, correlationId: string, url: URL): Problem {
  const problem = toProblem(error, correlationId);
  if (problem.status === 503) console.warn(`[${correlationId}] ${url.pathname}: ${problem.detail}`);
  else if (problem.status >= 500) console.error(`[${correlationId}] ${url.pathname}`, error);
  return { ...problem, instance: url.pathname };
}
