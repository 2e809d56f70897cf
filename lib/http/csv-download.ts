/**
 * A CSV download route (GET …/export): authenticate as every API route does (API key, else session), check the
 * operation's permission, then stream the text the domain produces, a page per pull. Refusals are problem JSON;
 * a failure after the download has started aborts it, so nobody mistakes a truncated file for a whole one.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import { getDb, type Db } from "../db/client";
import { Forbidden, Unauthenticated } from "../domain-error";
import { authenticate } from "./api-route";
import type { Operation } from "../contract/operation";
import { problemResponse, toProblem } from "./problem";

function streamOf(chunks: AsyncIterable<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export function csvDownload(operation: Operation, fileName: string, produce: (db: Db, actor: Actor) => AsyncIterable<string>) {
  return async (request: Request): Promise<Response> => {
    const correlationId = randomUUID();
    const path = new URL(request.url).pathname;
    let chunks: AsyncIterable<string>;
    try {
      const actor = await authenticate(request);
      if (!actor) throw new Unauthenticated();
      if (operation.permission !== "signedIn" && operation.permission !== "public" && !can(actor, operation.permission)) {
        throw new Forbidden(operation.permission);
      }
      chunks = produce(getDb(), actor);
    } catch (error) {
      const problem = toProblem(error, correlationId);
      if (problem.status >= 500) console.error(`[${correlationId}] ${path}`, error);
      return problemResponse({ ...problem, instance: path });
    }
    const date = new Date().toISOString().slice(0, 10);
    return new Response(streamOf(chunks, (error) => console.error(`[${correlationId}] ${path} failed while streaming`, error)), {
      headers: {
        "content-type": `${operation.contentType ?? "text/csv"}; charset=utf-8`,
        "content-disposition": `attachment; filename="${fileName}-${date}.csv"`,
        "cache-control": "no-store",
      },
    });
  };
}
