import type { PublishedEvent } from "../events/event-envelope";
import { checkOutboundUrl, OutboundUrlRefused } from "../outbound-urls/check-outbound-url";
import { signedHeaders } from "./signing";

export type AttemptOutcome = { delivered: boolean; responseStatus: number | null; responseMs: number; error: string | null };

/**
 * One signed POST of one event (or of any message with an `id`, sent as webhook-id: a purchase order to its
 * supplier). The URL is checked again first (its DNS may now point inside the network).
 * Redirects are not followed (one could lead to a private address) and count as failures, as any status
 * other than 2xx does. Never throws: every failure is an outcome to record and retry.
 *
 * The check and fetch's own lookup are two resolutions: a host that changes its answer in between could still
 * reach a private address; pinning the checked address needs a custom dispatcher (not done here).
 */
export async function sendWebhook(
  endpoint: { url: string; secret: string },
  event: PublishedEvent | { id: string },
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await checkOutboundUrl(endpoint.url, { allowPrivate: options.allowPrivate });
    const body = JSON.stringify(event);
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { ...signedHeaders(endpoint.secret, event.id, new Date(), body), "user-agent": "Stockroom-Webhooks/1" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const answer = await readCapped(response);
    const delivered = response.status >= 200 && response.status < 300;
    return { delivered, responseStatus: response.status, responseMs: elapsed(), error: delivered ? null : failureOf(response.status, answer) };
  } catch (error) {
    return { delivered: false, responseStatus: null, responseMs: elapsed(), error: describe(error, options.timeoutMs) };
  }
}

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * The answer's first bytes. Reading a small answer to its end lets the connection be reused (cancelling it
 * closes the socket: a new connection per event, half the speed); a large one is cut off, not held in memory.
 */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    size += read.value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel();
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

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof OutboundUrlRefused) return `Refused: ${error.issues[0]?.message ?? error.message}`;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const message = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Could not connect: ${message}`.slice(0, 500);
}
