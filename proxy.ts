import { NextResponse, type NextRequest } from "next/server";
import { identityProviderOrigin, isServedOverHttps, newNonce, securityHeaders } from "./lib/security-headers/security-headers";

/**
 * Security headers on every response but the REST API's: pages, the other route handlers, static files, 404s.
 * The REST API under /api/v1 (and the benchmark's no-op route, its ceiling) sets them in its edge wrapper
 * (lib/http/api-route.ts): a pass through the proxy cost every API call 0.75 ms of CPU. The CSP also goes onto the request, where Next reads the nonce while rendering and
 * puts it on its own scripts (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md); that
 * needs every page rendered per request, which the root layout asks for.
 */
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    isHttps: isServedOverHttps(process.env.NEXTAUTH_URL, request.headers.get("x-forwarded-proto"), request.nextUrl.protocol),
    isDev: process.env.NODE_ENV === "development",
    identityProviderOrigin: identityProviderOrigin(process.env.OIDC_ISSUER),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/((?!api/v1/|api/bench/).*)"] };
