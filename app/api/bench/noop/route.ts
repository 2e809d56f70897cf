// The ceiling for the ledger benchmark: the same app, parsing the same JSON body, answering 201, touching no
// database. Exists only when STOCKROOM_BENCH=1 (bench/ledger.ts starts the server so); 404 otherwise.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (process.env.STOCKROOM_BENCH !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as Record<string, unknown>;
  return Response.json({ received: Object.keys(body).length }, { status: 201 });
}
