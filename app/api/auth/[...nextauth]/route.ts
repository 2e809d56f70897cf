import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { retryAfterOfSignInError } from "@/lib/auth/throttled-sign-in-error";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler: (request: NextRequest, context: Context) => Promise<Response> = NextAuth(authOptions);

/**
 * next-auth answers every refused credentials sign-in with 401 and the reason as `?error=` in its redirect URL
 * (a Location header, or `{ url }` for its own client). A throttled attempt becomes 429 with Retry-After, so
 * browsers, scripts and proxies see it for what it is; the body stays next-auth's, which its client reads.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  const response = await handler(request, context);
  if (response.status !== 401) return response;
  const target = response.headers.get("location") ?? ((await response.clone().json().catch(() => null)) as { url?: string } | null)?.url;
  const retryAfterSeconds = retryAfterOfSignInError(target ? new URL(target, request.url).searchParams.get("error") : null);
  if (retryAfterSeconds === null) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(retryAfterSeconds));
  return new Response(response.body, { status: 429, headers });
}

export { handler as GET, POST };
