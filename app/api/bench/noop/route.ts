import { withApiSecurityHeaders } from "@/lib/http/api-route";
import { MAX_JSON_BYTES, readBodyCapped } from "@/lib/http/request-guards";

// The ceiling for the ledger benchmark: the same app, parsing the same JSON body, answering 201, touching no
// database. Exists only when STOCKROOM_BENCH=1 (bench/ledger.ts starts the server so); 404 otherwise.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (process.env.STOCKROOM_BENCH !== "1") return new Response("Not found", { status: 404 });
  // Bounded like every route (lib/http/request-guards.ts), so the ceiling pays what the real routes pay.
  const body = JSON.parse(new TextDecoder().decode(await readBodyCapped(request, MAX_JSON_BYTES))) as Record<string, unknown>;
  return withApiSecurityHeaders(Response.json({ received: Object.keys(body).length }, { status: 201 }), request);
}
