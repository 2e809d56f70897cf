import { readFile } from "node:fs/promises";
import { join } from "node:path";

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// Kept out of the HTML so a strict Content-Security-Policy needs no inline script.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: true, docExpansion: "none" });`;

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const { asset } = await params;
  if (asset === "init.js") return new Response(INIT, { headers: { "content-type": "text/javascript; charset=utf-8" } });
  const type = ASSETS[asset];
  if (!type) return new Response("Not found", { status: 404 });
  // A plain path: the bundler would turn require.resolve() into a module id.
  const body = await readFile(join(process.cwd(), "node_modules", "swagger-ui-dist", asset));
  return new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
}
