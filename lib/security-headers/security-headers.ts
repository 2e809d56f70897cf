/**
 * The headers every response carries: set by proxy.ts for pages, static files and 404s, and by the edge wrapper
 * (lib/http/api-route.ts) for the REST API under /api/v1, which the proxy leaves alone.
 * Plain data in, plain data out, so the policy is read and tested here rather than in a running server.
 */

export type SecurityContext = {
  /** Fresh per request: the page's own scripts carry it, an injected script cannot know it. */
  nonce: string;
  /** The browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
  isHttps: boolean;
  /** `next dev` needs eval for its error overlay; production never does. */
  isDev: boolean;
  /** The company sign-in (OIDC_ISSUER), whose origin the sign-in form may post to. */
  identityProviderOrigin?: string;
};

/**
 * Content-Security-Policy. Choices:
 * - script-src: same-origin files and inline scripts with this request's nonce; no 'unsafe-inline'. Not
 *   'strict-dynamic': it would switch 'self' off, and the Swagger UI page (a static route handler) and the
 *   service worker load same-origin files without a nonce. Nothing here loads scripts from elsewhere.
 * - style-src keeps 'unsafe-inline': React writes style attributes (recharts, the floor plan, indentation),
 *   which a nonce cannot cover; a style cannot run code.
 * - img-src data: and blob: for Swagger UI's icons and label previews; worker-src for public/sw.js.
 * - frame-ancestors 'none': no other site may frame a screen (clickjacking a "Post" button).
 */
export function contentSecurityPolicy({ nonce, isHttps, isDev, identityProviderOrigin }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${identityProviderOrigin ? ` ${identityProviderOrigin}` : ""}`,
    "frame-ancestors 'none'",
  ];
  // Only over HTTPS: on plain http (localhost, a LAN address) it would rewrite our own requests to https.
  if (isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Everything but the CSP is the same for every response. */
export function securityHeaders(context: SecurityContext): Record<string, string> {
  return { "Content-Security-Policy": contentSecurityPolicy(context), ...sharedHeaders(context.isHttps) };
}

/**
 * What the API answers carry (JSON, files, CSV, the event stream), set by the edge wrapper itself rather than by
 * proxy.ts, which would cost every API call a pass through the proxy (0.75 ms of CPU per request, measured with
 * bench:ledger). An API answer is no document: its policy allows nothing to load or run, and no framing.
 */
export function apiSecurityHeaders(isHttps: boolean): Record<string, string> {
  return { "Content-Security-Policy": API_CONTENT_SECURITY_POLICY, ...sharedHeaders(isHttps) };
}

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

function sharedHeaders(isHttps: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // frame-ancestors says the same to current browsers; this is for those that only know the old header.
    "X-Frame-Options": "DENY",
    // Our URLs name items, lots and locations: other sites learn nothing from a link followed out of the app.
    "Referrer-Policy": "same-origin",
    // The scanner needs the camera, here and in no frame of another origin; nothing needs the rest.
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
    // One year; not includeSubDomains, since other hosts of the customer's domain are not ours to decide for.
    ...(isHttps ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/**
 * Whether the browser talks HTTPS to us: the public URL (NEXTAUTH_URL) says so, or the proxy in front of us
 * does (X-Forwarded-Proto, first hop), or the request itself came over TLS.
 */
export function isServedOverHttps(publicUrl: string | undefined, forwardedProto: string | null, requestProtocol: string): boolean {
  if (publicUrl?.toLowerCase().startsWith("https://")) return true;
  if (forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https") return true;
  return requestProtocol === "https:";
}

/** 128 random bits, base64: unguessable, and valid inside 'nonce-…'. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of the company sign-in, when one is configured, for form-action. */
export function identityProviderOrigin(issuer: string | undefined): string | undefined {
  if (!issuer) return undefined;
  try {
    return new URL(issuer).origin;
  } catch {
    return undefined;
  }
}
