import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// Kept out of the HTML so a strict Content-Security-Policy needs no inline script.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: true });`;

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const { asset } = await params;
  if (asset === "init.js") return new Response(INIT, { headers: { "content-type": "text/javascript; charset=utf-8" } });
  const type = ASSETS[asset];
  if (!type) return new Response("Not found", { status: 404 });
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const body = await readFile(join(dir, asset));
  return new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
}
