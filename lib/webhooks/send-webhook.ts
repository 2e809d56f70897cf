import { Agent, request } from "undici";
import type { PublishedEvent } from "../events/event-envelope";
import { checkOutboundUrl, OutboundUrlRefused } from "../outbound-urls/check-outbound-url";
import { signedHeaders } from "./signing";

export type AttemptOutcome = { delivered: boolean; responseStatus: number | null; responseMs: number; error: string | null };

export type SendOptions = {
  allowPrivate: boolean;
  timeoutMs: number;
  /**
   * The caller checked the URL a moment ago for a batch of sends (webhook deliveries, once per batch): its DNS
   * lookup cost about 50 µs of CPU per event when made for each (docs/BENCHMARKS.md).
   */
  urlJustChecked?: boolean;
};

/**
 * One signed POST of one event (or of any message with an `id`, sent as webhook-id: a purchase order to its
 * supplier). The URL is checked again first (its DNS may now point inside the network), unless the caller just did.
 * Redirects are not followed (one could lead to a private address) and count as failures, as any status
 * other than 2xx does. Never throws: every failure is an outcome to record and retry.
 *
 * The check and the request's own lookup are two resolutions: a host that changes its answer in between could still
 * reach a private address; pinning the checked address needs a custom dispatcher (not done here).
 *
 * Time is bounded by undici's own timeouts (connecting, the answer's headers, each pause in its body) and a
 * deadline checked as the body arrives, not by an AbortSignal per request: the signal, its timer and its
 * listeners were a third of the sender's CPU per event (docs/BENCHMARKS.md). An attempt lasts at most
 * longestAttemptMs(timeoutMs).
 */
export async function sendWebhook(
  endpoint: { url: string; secret: string },
  event: PublishedEvent | { id: string },
  options: SendOptions,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (!options.urlJustChecked) await checkOutboundUrl(endpoint.url, { allowPrivate: options.allowPrivate });
    const body = JSON.stringify(event);
    const response = await request(endpoint.url, {
      method: "POST",
      headers: { ...signedHeaders(endpoint.secret, event.id, new Date(), body), "user-agent": "Stockroom-Webhooks/1" },
      body,
      dispatcher: senders(),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const answer = await readCapped(response.body, started + options.timeoutMs);
    const delivered = response.statusCode >= 200 && response.statusCode < 300;
    return {
      delivered,
      responseStatus: response.statusCode,
      responseMs: elapsed(),
      error: delivered ? null : failureOf(response.statusCode, answer),
    };
  } catch (error) {
    return { delivered: false, responseStatus: null, responseMs: elapsed(), error: describe(error, options.timeoutMs) };
  }
}

const MAX_ANSWER_BYTES = 64 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The longest an attempt can take: connecting, then waiting for the headers, then a body that pauses just short
 * of the timeout at the deadline (it is cut at the first chunk past it, or when a pause reaches the timeout).
 */
export const longestAttemptMs = (timeoutMs: number) => CONNECT_TIMEOUT_MS + 2 * timeoutMs;

const processWide = globalThis as unknown as { stockroomWebhookSenders?: Agent };

/**
 * undici's own request rather than fetch: the same client without the WHATWG Request, Response and stream
 * objects around each call (fetch is undici underneath). Kept-alive connections per origin; it follows no redirect.
 */
function senders(): Agent {
  return (processWide.stockroomWebhookSenders ??= new Agent({ keepAliveTimeout: 30_000, connect: { timeout: CONNECT_TIMEOUT_MS } }));
}

/**
 * The answer's first bytes. Reading a small answer to its end lets the connection be reused (destroying it
 * closes the socket: a new connection per event); a large or slow one is cut off, not held in memory or waited on.
 */
async function readCapped(body: AsyncIterable<Buffer> & { destroy: () => void }, deadline: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= MAX_ANSWER_BYTES || performance.now() > deadline) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8", 0, Math.min(size, 200));
}

function failureOf(status: number, answer: string): string {
  if (status >= 300 && status < 400) return `Answered ${status}: redirects are not followed; give the final URL`;
  const excerpt = answer.trim().replace(/\s+/g, " ");
  return excerpt ? `Answered ${status}: ${excerpt}` : `Answered ${status}`;
}

const TIMEOUTS = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof OutboundUrlRefused) return `Refused: ${error.issues[0]?.message ?? error.message}`;
  if (error instanceof Error && TIMEOUTS.has((error as { code?: string }).code ?? "")) return `No answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const own = (error as { code?: string })?.code;
  const message = cause?.code ?? cause?.message ?? own ?? (error instanceof Error ? error.message : String(error));
  return `Could not connect: ${message}`.slice(0, 500);
}
