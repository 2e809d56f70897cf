// The shop's webhooks need the raw body for their signature, which apiRoute parses away: a small handler of its
// own, with the same body cap, problem JSON and security headers.
import { randomUUID } from "node:crypto";
import { receiveChannelWebhook } from "@/lib/channels/receive-channel-webhook";
import { getDb } from "@/lib/db/client";
import { withApiSecurityHeaders } from "@/lib/http/api-route";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { MAX_JSON_BYTES, readBodyCapped } from "@/lib/http/request-guards";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const correlationId = randomUUID();
  let response: Response;
  try {
    const raw = await readBodyCapped(request, MAX_JSON_BYTES);
    const answer = await receiveChannelWebhook(getDb(), id, request.headers, raw);
    response = Response.json(answer);
  } catch (error) {
    const problem = toProblem(error, correlationId);
    if (problem.status >= 500) console.error(`[${correlationId}] channel webhook ${id}`, error);
    response = problemResponse({ ...problem, instance: new URL(request.url).pathname });
  }
  return withApiSecurityHeaders(response, request);
}
