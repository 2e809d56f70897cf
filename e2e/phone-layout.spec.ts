import { readdirSync } from "node:fs";
import { expect, test, type Page, type Request } from "@playwright/test";
import { signIn } from "./sign-in";

/**
 * Every screen on a phone, as an admin (who sees them all): no console error, no failed request, no CSP
 * violation, every control a thumb can hit (44 × 44 CSS px, its own box: WCAG 2.5.5), links in running text
 * told apart from it by more than colour (WCAG 1.4.1). The list of pages is compared with the page.tsx files
 * under app/(app) and app/(auth), so a new screen cannot slip past unchecked.
 */

/** Controls a person taps. Disabled ones and ones not on screen (closed menus, other tabs) are not measured. */
const CONTROLS =
  "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=tab], [role=option], [role=switch]";
const MIN_TARGET_PX = 44;
/** Pages photographed for a person to look at (test-results/screenshots/phone-*.png). */
const SCREENSHOTS: Record<string, string> = {
  "/items": "items",
  "/stock/move": "move-stock",
  "/scan": "scan",
  "/admin/users": "users",
  "/items/import": "import",
  "/orders": "orders",
  "/dashboard": "dashboard",
};

type Finding = { what: string; size?: string; problem: string };

/** Measures in the page: a plain function, so it runs as it reads. */
function findLayoutProblems({ selector, minimum }: { selector: string; minimum: number }): Finding[] {
  const describe = (element: Element) => {
    const label = element.getAttribute("aria-label") ?? (element as HTMLElement).innerText ?? element.getAttribute("name") ?? "";
    const id = element.id ? `#${element.id}` : "";
    const type = element.getAttribute("type") ? `[type=${element.getAttribute("type")}]` : "";
    return `${element.tagName.toLowerCase()}${id}${type} "${label.trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  };
  const isInline = (element: Element) => getComputedStyle(element).display === "inline";
  /** The nearest ancestor that is not inline: the block of text the element sits in. */
  const blockOf = (element: Element) => {
    let node = element.parentElement;
    while (node && isInline(node)) node = node.parentElement;
    return node;
  };
  /** The text of a block's own line boxes: its text and inline children, not the blocks nested in it. */
  const inlineText = (node: Node, skip: Element): string => {
    let text = "";
    for (const child of node.childNodes) {
      if (child === skip) continue;
      if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
      else if (child instanceof Element && isInline(child)) text += inlineText(child, skip);
    }
    return text;
  };
  /** A link inside a sentence: its line holds other words (WCAG 2.5.5's "inline" exception). */
  const isInRunningText = (element: Element) => {
    if (element.tagName !== "A" || !isInline(element)) return false;
    const block = blockOf(element);
    return block !== null && /[\p{L}\p{N}]/u.test(inlineText(block, element));
  };

  const findings: Finding[] = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!(element as HTMLElement).checkVisibility?.({ checkOpacity: false, checkVisibilityCSS: true })) continue;
    if ((element as HTMLButtonElement).disabled) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (isInRunningText(element)) {
      if (!getComputedStyle(element).textDecorationLine.includes("underline"))
        findings.push({ what: describe(element), problem: "link in running text without underline" });
      continue;
    }
    // Rounded: a box of 43.99 px (sub-pixel layout) is 44 on screen.
    if (Math.round(box.width) < minimum || Math.round(box.height) < minimum) {
      findings.push({ what: describe(element), size: `${box.width.toFixed(1)}×${box.height.toFixed(1)}`, problem: "tap target under 44×44" });
    }
  }
  return findings;
}

/** Listens while one page is open: console errors, uncaught errors, failed requests, CSP violations. */
function watch(page: Page) {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  const onFailed = (request: Request) => {
    // Next's router cancels its own requests for a page's server components when they are no longer needed: link
    // prefetches once the page is loaded, and a live page's refresh overtaken by the next (other tests' orders
    // refresh the order board meanwhile). Not a failure; a server error still shows as its HTTP status.
    const isCancelledByRouter = request.failure()?.errorText === "net::ERR_ABORTED" && "rsc" in request.headers();
    if (!isCancelledByRouter) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  };
  const onResponse = (response: { url(): string; status(): number }) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  return async () => {
    const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("requestfailed", onFailed);
    page.off("response", onResponse);
    return [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
  };
}

/** Real ids from the demo data, plus a transfer and a pick list made for the run. */
async function pagesToVisit(page: Page): Promise<string[]> {
  const items = (await (await page.request.get("/api/v1/items?limit=1")).json()).data as { sku: string }[];
  const sku = items[0].sku;
  const stock = (await (await page.request.get(`/api/v1/stock?sku=HT-SCR-0003&site=WH1`)).json()).data as { location: string }[];
  const bin = stock.find((level) => !level.location.endsWith("-TRANSIT"))!.location;
  const suffix = Date.now().toString(36).toUpperCase();
  const transfer = await page.request.post("/api/v1/transfers", {
    data: { from: "WH1", to: "WH2", reference: `TR-PHONE-${suffix}`, lines: [{ sku: "HT-SCR-0003", quantity: 1 }] },
  });
  expect(transfer.status(), await transfer.text()).toBe(201);
  const pickList = await page.request.post("/api/v1/pick-lists", {
    data: { site: "WH1", reference: `SO-PHONE-${suffix}`, lines: [{ sku: "HT-SCR-0003", quantity: 1 }] },
  });
  expect(pickList.status(), await pickList.text()).toBe(201);
  const order = await page.request.post("/api/v1/orders", {
    data: { reference: `SO-PHONE-${suffix}`, customer: { name: "Phone check" }, lines: [{ sku: "HT-SCR-0003", quantity: 1 }], site: "WH1" },
  });
  expect(order.status(), await order.text()).toBe(201);
  const orderId = (await order.json()).id as string;
  const supplier = ((await (await page.request.get("/api/v1/items/HT-SCR-0003")).json()).suppliers as { supplier: string }[])[0].supplier;
  const purchaseOrder = await page.request.post("/api/v1/purchase-orders", {
    data: { supplier, site: "WH1", lines: [{ sku: "HT-SCR-0003", quantity: 12, unitCost: "1.25" }] },
  });
  expect(purchaseOrder.status(), await purchaseOrder.text()).toBe(201);
  const purchaseOrderId = (await purchaseOrder.json()).id as string;
  const transferId = (await transfer.json()).id as string;
  const pickListId = (await pickList.json()).id as string;
  // A webhook that hears a rare type (nothing to deliver), and a shop on a closed local port (refused at once).
  expect((await page.request.patch("/api/v1/settings", { data: { allowPrivateUrls: true } })).status()).toBe(200);
  const webhook = await page.request.post("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/hook", types: ["webhook.disabled"] } });
  expect(webhook.status(), await webhook.text()).toBe(201);
  const channel = await page.request.post("/api/v1/channels", {
    data: {
      kind: "woocommerce",
      name: `phone-check-${suffix.toLowerCase()}`,
      baseUrl: "http://127.0.0.1:9",
      credentials: { consumerKey: "ck_phone", consumerSecret: "cs_phone" },
      webhookSecret: "phone-check",
      sites: ["WH2"],
    },
  });
  expect(channel.status(), await channel.text()).toBe(201);
  const webhookId = (await webhook.json()).id as string;
  const channelId = (await channel.json()).id as string;
  const lot = ((await (await page.request.get("/api/v1/stock?site=WH1&limit=200")).json()).data as { lot: string | null }[]).find(
    (level) => level.lot,
  )!.lot!;
  return [
    "/",
    "/items",
    `/items/${encodeURIComponent(sku)}`,
    `/items/${encodeURIComponent(sku)}/edit`,
    `/items/${encodeURIComponent(sku)}/forecast`,
    "/items/new",
    "/items/import",
    "/reorder-points",
    "/stock/move",
    `/trace?q=${encodeURIComponent(lot)}`,
    "/trace",
    "/scan",
    "/search?q=drill",
    "/locations",
    `/locations/${bin}`,
    "/locations/map",
    "/categories",
    "/suppliers",
    "/transfers",
    "/transfers/new",
    `/transfers/${transferId}`,
    `/transfers/${transferId}/packing-list`,
    "/purchase-orders",
    "/purchase-orders/new",
    `/purchase-orders/${purchaseOrderId}`,
    `/pick-lists/${pickListId}`,
    "/orders",
    "/orders?tab=late",
    `/orders/${orderId}`,
    `/orders/${orderId}/pack`,
    "/channels",
    `/channels/${channelId}`,
    "/admin/users",
    "/admin/api-keys",
    "/admin/webhooks",
    `/admin/webhooks/${webhookId}`,
    "/admin/audit",
    "/admin/events",
    "/admin/reason-codes",
    "/admin/settings",
    "/alerts",
    "/alerts?state=resolved",
    "/alerts/notifications",
    "/purchase-orders/suggestions",
    "/reports",
    "/reports/supplier-performance",
    "/reports/shrinkage",
    "/reports/dead-stock",
    "/reports/transfer-discrepancies",
    "/reports/count-accuracy",
    "/reports/expiring",
    "/reports/abc-xyz",
    "/reports/stock-on-hand?by=location",
    "/reports/movements",
    "/reports/valuation",
    "/reports/ageing",
    "/reports/turnover?by=category",
    "/dashboard",
    "/dashboard?site=WH1&from=2001-01-01&to=2001-01-31",
  ];
}

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone is the small screen; the desk gets the same components");
  await page.addInitScript(() => {
    const record = ((window as unknown as { cspViolations: string[] }).cspViolations = [] as string[]);
    document.addEventListener("securitypolicyviolation", (event) =>
      record.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
});

/** Each page.tsx of the signed-in shell and the sign-in pages, as a pattern its URLs match. */
function routePatterns(): { file: string; pattern: RegExp }[] {
  return ["app/(app)", "app/(auth)"].flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("page.tsx"))
      .map((file) => {
        const route = `/${file.replace(/\\/g, "/").replace(/\/?page\.tsx$/, "")}`.replace(/\[[^\]]+\]/g, "[^/]+");
        return { file: `${root}/${file}`, pattern: new RegExp(`^${route === "/" ? "/" : route}$`) };
      }),
  );
}

async function check(page: Page, path: string) {
  // Leaving the previous page cancels its prefetches (net::ERR_ABORTED): let that happen before listening.
  await page.goto("about:blank");
  const stopWatching = watch(page);
  await page.goto(path);
  await page.waitForLoadState("load");
  // The scanner renders in the browser only, after its code has loaded: measure the app, not "Starting…".
  if (path === "/scan") await expect(page.getByRole("navigation", { name: "Scan tasks" })).toBeVisible();
  const layout = await page.evaluate(findLayoutProblems, { selector: CONTROLS, minimum: MIN_TARGET_PX });
  if (SCREENSHOTS[path]) await page.screenshot({ path: `test-results/screenshots/phone-${SCREENSHOTS[path]}.png`, fullPage: true });
  const runtime = await stopWatching();
  return [...runtime, ...layout.map((f) => `${f.problem}: ${f.what}${f.size ? ` ${f.size}` : ""}`)];
}

test("the sign-in page fits a thumb and logs no error", async ({ page }) => {
  expect(await check(page, "/sign-in")).toEqual([]);
});

test("the list of pages covers every page of the app", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const visited = [...(await pagesToVisit(page)), "/sign-in"].map((path) => path.split("?")[0]);
  const missing = routePatterns().filter(({ pattern }) => !visited.some((path) => pattern.test(path)));
  expect(missing.map((route) => route.file)).toEqual([]);
});

test("every signed-in page fits a thumb, underlines links in text, and logs no error or failed request", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin@example.com");
  const report: Record<string, string[]> = {};
  for (const path of await pagesToVisit(page)) {
    const problems = await check(page, path);
    if (problems.length) report[path] = problems;
  }
  // The stretched checkbox of a row: a tap on it ticks it, and the tick is drawn (see the screenshot).
  await page.goto("/items");
  const rowBox = page.getByRole("checkbox", { name: /^Select [A-Z]/ }).first();
  await rowBox.tap();
  await expect(rowBox).toBeChecked();
  await page.screenshot({ path: "test-results/screenshots/phone-items-selected.png" });
  const selected = await page.evaluate(findLayoutProblems, { selector: CONTROLS, minimum: MIN_TARGET_PX });
  if (selected.length) report["/items with a row selected"] = selected.map((f) => `${f.problem}: ${f.what} ${f.size ?? ""}`);
  // The tab bar's overflow: its links are only on screen with "More" open.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByText("More", { exact: true }).click();
  const overflow = await page.evaluate(findLayoutProblems, { selector: CONTROLS, minimum: MIN_TARGET_PX });
  if (overflow.length) report["/ with More open"] = overflow.map((f) => `${f.problem}: ${f.what} ${f.size ?? ""}`);
  expect(report).toEqual({});
});
