import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/system/check-health";

// Not through apiRoute: public, and its status (503) follows the answer rather than an error.
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(getDb());
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
