import { chromium, expect, test, type APIResponse, type Page } from "@playwright/test";
import { PHONE } from "../../e2e/camera-clip";
import { CHROMIUM_ARGS, chromiumPath } from "../../e2e/chromium-path";
import { signIn } from "../../e2e/sign-in";
import { BOOTSTRAP_API_KEY } from "./fixtures";

/**
 * The security headers as a browser receives them from the production build (proxy.ts), and the screens that
 * lean hardest on the browser (Swagger UI, the camera scanner and its service worker, the charts, the map
 * editor) still working under the Content-Security-Policy.
 */

/** `api`: an answer of the REST API, which is no document: its policy lets nothing load or run. */
function expectSecurityHeaders(response: APIResponse, what: string, kind: "document" | "api" = "document") {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, what).toContain("frame-ancestors 'none'");
  if (kind === "api") expect(policy, what).toBe("default-src 'none'; frame-ancestors 'none'");
  else expect(policy, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'(;|$)/);
  expect(policy, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=(self)");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

/** The page's CSP violations, recorded from the first script on (an init script is not subject to the CSP). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const violations = ((window as unknown as { cspViolations: string[] }).cspViolations = [] as string[]);
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI || "inline"}`));
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return async () => ({ violations: await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), errors });
}

test("every kind of response carries the security headers: a page, an API route, static files, a 404", async ({ request, page }) => {
  await page.goto("/sign-in");
  const chunk = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const responses: [string, APIResponse][] = [
    ["page", await request.get("/sign-in")],
    ["API route", await request.get("/api/health")],
    ["REST API error", await request.get("/api/v1/items")],
    ["REST API 200", await request.get("/api/v1/me", { headers: { authorization: `Bearer ${BOOTSTRAP_API_KEY}` } })],
    ["OpenAPI document", await request.get("/api/openapi.json")],
    ["static chunk", await request.get(chunk!)],
    ["public file", await request.get("/icons/icon-192.png")],
    ["favicon", await request.get("/favicon.ico")],
    ["404 page", await request.get("/no-such-page")],
  ];
  expect(responses.map(([what, response]) => `${what} ${response.status()}`)).toEqual([
    "page 200",
    "API route 200",
    "REST API error 401",
    "REST API 200 200",
    "OpenAPI document 200",
    "static chunk 200",
    "public file 200",
    "favicon 200",
    "404 page 404",
  ]);
  for (const [what, response] of responses) expectSecurityHeaders(response, what, what.startsWith("REST API") ? "api" : "document");
});

test("HSTS is sent only over HTTPS (here: behind a proxy saying so)", async ({ request }) => {
  expect((await request.get("/api/health")).headers()["strict-transport-security"]).toBeUndefined();
  const proxied = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(proxied.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const api = await request.get("/api/v1/items", { headers: { "x-forwarded-proto": "https" } });
  expect(api.headers()["strict-transport-security"]).toBe("max-age=31536000");
});

test("idle connections are kept 65 s, as the Keep-Alive header tells clients: a pool reusing one within a minute is not reset", async ({
  request,
}) => {
  // scripts/start.ts: with Node's 5 s a pooled connection reused as the server closed it was reset (a flaky e2e).
  expect((await request.get("/api/health")).headers()["keep-alive"]).toBe("timeout=65");
});

test("each response has its own nonce, and the page's own scripts carry it", async ({ request }) => {
  const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"])![1];
  const [first, second] = [await request.get("/sign-in"), await request.get("/sign-in")];
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  const html = await first.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((match) => match[1]);
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonceOf(first)}"`);
});

test("a script that reached the HTML without the nonce does not run, while the page's own scripts do", async ({ page }) => {
  const done = await recordViolations(page);
  // As if an attacker had got markup into the page: the server's own HTML and headers, with one script added.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await expect.poll(() => page.evaluate(() => "__next_f" in self)).toBe(true); // Next's inline scripts, with the nonce, ran
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  expect((await done()).violations).toEqual(["script-src-elem: inline"]);
  // Hydrated: the form signs in through next-auth's client code.
  await page.getByLabel("E-mail").fill("admin@example.com");
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("the 404 page's scripts run too: no page is prerendered without a nonce", async ({ page }) => {
  const done = await recordViolations(page);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect.poll(() => page.evaluate(() => "__next_f" in self)).toBe(true);
  const { violations, errors } = await done();
  expect(violations).toEqual([]);
  expect(errors.filter((error) => !error.includes("404 (Not Found)"))).toEqual([]); // the page's own status
});

test("Swagger UI works under the CSP", async ({ page }) => {
  const done = await recordViolations(page);
  await page.goto("/api/docs");
  // Tags start folded (docExpansion "none"): open one, then an operation.
  await page
    .getByRole("button", { name: "Catalogue", exact: true })
    .or(page.locator("h3.opblock-tag", { hasText: "Catalogue" }))
    .first()
    .click();
  await page.getByText("/api/v1/items/{sku}", { exact: true }).first().click();
  await expect(page.getByText("Parameters").first()).toBeVisible();
  expect(await done()).toEqual({ violations: [], errors: [] });
});

test("the dashboard's charts and the map editor work under the CSP", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const done = await recordViolations(page);
  await page.goto("/");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.goto("/locations/map?site=WH1");
  await page.getByRole("button", { name: "Edit map" }).click();
  await expect(page.getByRole("button", { name: "Bulk create rack" })).toBeVisible();
  await page.getByRole("button", { name: "Bulk create rack" }).click();
  await expect(page.getByRole("dialog", { name: "Bulk create rack" })).toBeVisible();
  expect(await done()).toEqual({ violations: [], errors: [] });
});

test("the scanner reads from the camera and installs its service worker under the CSP", async ({ baseURL }) => {
  // Chromium's fake camera (a moving test pattern): enough for ZXing to start decoding frames.
  const browser = await chromium.launch({
    executablePath: chromiumPath() ?? undefined,
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
  });
  try {
    const context = await browser.newContext({ ...PHONE, baseURL });
    const page = await context.newPage();
    await signIn(page, "clerk@example.com");
    const done = await recordViolations(page);
    await page.goto("/scan#lookup");
    const video = page.getByLabel("Camera view");
    await expect
      .poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState >= 2 && !element.paused), { timeout: 15_000 })
      .toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/);
    expect(await done()).toEqual({ violations: [], errors: [] });
  } finally {
    await browser.close();
  }
});
