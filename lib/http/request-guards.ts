/**
 * What the edge checks of a request before anything reads it: that a write made with the session cookie comes
 * from this site (a cross-site form or fetch cannot borrow a signed-in person's cookie), and that a body stays
 * within its limit (nothing past the limit is read).
 */
import { DomainError } from "../domain-error";

/** JSON bodies are at most this large unless an operation says otherwise. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** A body over its limit: 413, and nothing more of it is read. */
export class PayloadTooLarge extends DomainError {
  readonly code = "payload_too_large";
  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${formatBytes(maxBytes)}; send less in one request`, { maxBytes });
  }
}

/**
 * A body the client stopped sending (it closed the connection): 400, and not logged as our failure. Nobody reads
 * the answer; nothing was done, since the body is read before any work.
 */
export class BodyNotReceived extends DomainError {
  readonly code = "body_not_received";
  constructor() {
    super("The connection closed before the whole body arrived; nothing was done");
  }
}

/** A body of a media type the operation does not take: 415. */
export class UnsupportedMediaType extends DomainError {
  readonly code = "unsupported_media_type";
  constructor(accepted: readonly string[]) {
    super(`Send the body as ${accepted.join(" or ")} (Content-Type)`, { accepted });
  }
}

/** A cookie-authenticated write from another site: 403. */
export class CrossSiteRequest extends DomainError {
  readonly code = "cross_site_request";
  constructor() {
    super("This write came from another site: it was refused. Use the app itself, or an API key.");
  }
}

function formatBytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** The media type of a request without its parameters (charset), lower-cased; "" when absent. */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** The origins this app is served at: the request's own (as the server saw it), the forwarded one, NEXTAUTH_URL's. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const forwardedHost = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (forwardedHost) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? new URL(request.url).protocol.replace(":", "");
    origins.add(`${proto}://${forwardedHost.split(",")[0].trim()}`);
  }
  if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}

/**
 * A write authenticated by the session cookie must be one a page of this site made: its media type one that a
 * cross-site form cannot send (JSON, or the upload's own type), and its Fetch Metadata or Origin same-origin.
 * A request with neither header did not come from a browser page, so it is no forgery. API-key calls carry
 * their credential themselves and are not checked.
 */
export function refuseCrossSiteWrite(request: Request, accepted: readonly string[]) {
  if (!accepted.includes(mediaTypeOf(request))) throw new UnsupportedMediaType(accepted);
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw new CrossSiteRequest();
  const origin = request.headers.get("origin");
  if (origin !== null && !ownOrigins(request).has(origin)) throw new CrossSiteRequest();
}

/** Node's message when a connection closes mid-body is `aborted` with code ECONNRESET; the request's signal says the same. */
function isConnectionClosed(request: Request, error: unknown): boolean {
  return request.signal.aborted || (error as { code?: unknown } | null)?.code === "ECONNRESET";
}

/** The body's bytes, refused with PayloadTooLarge as soon as it passes `maxBytes` (declared or read). */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new PayloadTooLarge(maxBytes);
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read().catch((error: unknown) => {
      throw isConnectionClosed(request, error) ? new BodyNotReceived() : error;
    });
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}
