import { NextResponse, type NextRequest } from "next/server";
import { identityProviderOrigin, isServedOverHttps, newNonce, securityHeaders } from "./lib/security-headers/security-headers";

/**
 * Security headers on every response: pages, route handlers, static files, 404s (no matcher, so Next runs
 * this for all of them). The CSP also goes onto the request, where Next reads the nonce while rendering and
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
