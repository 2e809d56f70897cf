/**
 * Calls to a shop platform with its own rate limits respected: HTTP 429 waits the Retry-After it names (seconds,
 * Shopify sends decimals), a few times, then gives up with the moment to try again so the push records it instead
 * of hammering. The clock and the wait are injected so tests prove the back-off without sleeping.
 */
export type PlatformIo = {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
};

/** Waits longer than this are not slept through inside a push: the SKU is retried at the named time instead. */
export const MAX_INLINE_WAIT_MS = 10_000;
const ATTEMPTS = 4;
const DEFAULT_RETRY_MS = 2_000;
const TIMEOUT_MS = 15_000;

/** The platform answered with an error (or not at all). `retryAt` is set when it asked us to wait. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAt: Date | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = "PlatformError";
  }
}

export function realSleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

export function retryAfterMs(header: string | null): number {
  if (!header) return DEFAULT_RETRY_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds * 1000));
  const at = Date.parse(header); // HTTP-date form
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : DEFAULT_RETRY_MS;
}

/** Sends a request, waiting out 429s; answers the parsed JSON of a 2xx, else throws PlatformError. */
export async function platformRequest(
  url: string,
  init: RequestInit,
  io: PlatformIo = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const doFetch = io.fetch ?? fetch;
  const sleep = io.sleep ?? realSleep;
  const now = io.now ?? (() => new Date());
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
    } catch (error) {
      throw new PlatformError(`The shop did not answer: ${(error as Error).message}`, null, new Date(now().getTime() + DEFAULT_RETRY_MS));
    }
    const text = await response.text();
    const json = parseJson(text);
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get("retry-after"));
      if (attempt < ATTEMPTS && wait <= MAX_INLINE_WAIT_MS) {
        await sleep(wait);
        continue;
      }
      throw new PlatformError("The shop is rate-limiting us", 429, new Date(now().getTime() + wait), json);
    }
    if (!response.ok) {
      const retryAt = response.status >= 500 ? new Date(now().getTime() + DEFAULT_RETRY_MS) : null;
      throw new PlatformError(`The shop answered ${response.status}: ${summarize(json, text)}`, response.status, retryAt, json);
    }
    return { status: response.status, json, headers: response.headers };
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function summarize(json: unknown, text: string): string {
  if (json && typeof json === "object") {
    const o = json as Record<string, unknown>;
    if (typeof o.message === "string") return o.message; // WooCommerce: {code, message, data}
    if (o.errors) return JSON.stringify(o.errors).slice(0, 300); // Shopify: {errors: …}
  }
  return text.slice(0, 300);
}
