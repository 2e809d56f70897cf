import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { retryAfterOfSignInError } from "@/lib/auth/throttled-sign-in-error";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { readBodyCapped } from "@/lib/http/request-guards";

/** A sign-in form is a few hundred bytes; nothing larger is read. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

const handler: (request: NextRequest, context: Context) => Promise<Response> = NextAuth(authOptions);

/**
 * next-auth answers every refused credentials sign-in with 401 and the reason as `?error=` in its redirect URL
 * (a Location header, or `{ url }` for its own client). A throttled attempt becomes 429 with Retry-After, so
 * browsers, scripts and proxies see it for what it is; the body stays next-auth's, which its client reads.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  let bounded: NextRequest;
  try {
    const body = await readBodyCapped(request, MAX_AUTH_BODY_BYTES);
    bounded = new NextRequest(request.url, {
      method: "POST",
      headers: request.headers,
      body: body.byteLength > 0 ? new Blob([body as Uint8Array<ArrayBuffer>]) : undefined,
    });
  } catch (error) {
    return problemResponse({ ...toProblem(error, randomUUID()), instance: new URL(request.url).pathname });
  }
  const response = await handler(bounded, context);
  if (response.status !== 401) return response;
  const target =
    response.headers.get("location") ??
    (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { url?: string } | null
    )?.url;
  const retryAfterSeconds = retryAfterOfSignInError(target ? new URL(target, request.url).searchParams.get("error") : null);
  if (retryAfterSeconds === null) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(retryAfterSeconds));
  return new Response(response.body, { status: 429, headers });
}

export { handler as GET, POST };
