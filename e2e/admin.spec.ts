import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("an admin adds a clerk, who must have a site", async ({ page }, testInfo) => {
  const email = `new-clerk-${testInfo.project.name}@example.com`;
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add user" }) });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill("New Clerk");
  await form.getByLabel("Role").selectOption("clerk");
  await form.getByLabel("Initial password").fill("clerk-password-1");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("A clerk must be assigned to at least one site")).toBeVisible();
  // What was typed survives the refusal (all but the password).
  await expect(form.getByLabel("E-mail")).toHaveValue(email);
  await expect(form.getByLabel("Role")).toHaveValue("clerk");

  await form.getByLabel("WH2").check();
  await form.getByLabel("Initial password").fill("clerk-password-1");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toContainText(`${email} can now sign in as clerk`);
  await expect(page.getByTestId(`user-${email}`)).toContainText("clerk · WH2");
  await page.screenshot({ path: `test-results/screenshots/users-${testInfo.project.name}.png`, fullPage: true });
});

test("an admin creates an API key, sees it once, and it works at once", async ({ page, playwright }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(`reporting-${testInfo.project.name}`);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^sr_/);

  const service = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const me = await service.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ type: "apiKey", role: "viewer" });
  expect((await service.post("/api/v1/users", { data: {} })).status()).toBe(403);

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0); // shown once
  await expect(page.getByTestId("api-key-list")).toContainText(`reporting-${testInfo.project.name}`);
  await service.dispose();
});

test("the API is documented at /api/docs", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page.getByText("Stockroom API").first()).toBeVisible();
  // Tags start folded: every tag is listed, and opening one shows its operations.
  const doc = (await (await page.request.get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const tags = new Set(Object.values(doc.paths).flatMap((operations) => Object.values(operations).flatMap((o) => o.tags ?? [])));
  await expect(page.locator("h3.opblock-tag")).toHaveCount(tags.size);
  await page.locator("h3.opblock-tag", { hasText: "Users" }).click();
  await expect(page.getByText("/api/v1/users").first()).toBeVisible();
});

test("an admin sets the installation's currency on the Settings screen; a bad code is named beside its field", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/settings");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save valuation settings" }) });
  const settings = await (await page.request.get("/api/v1/settings")).json();
  await expect(form.getByLabel("Costing method")).toHaveValue(settings.costingMethod);
  await expect(form.getByLabel("Currency")).toHaveValue(settings.currency);

  await form.getByLabel("Currency").fill("eu");
  await form.getByRole("button", { name: "Save valuation settings" }).click();
  await expect(form.locator("#currency-error")).toHaveText("A three-letter currency code like EUR");
  await expect(form.getByLabel("Currency")).toHaveValue("eu"); // what was typed survives the refusal
  await page.screenshot({ path: `test-results/screenshots/settings-refused-${testInfo.project.name}.png`, fullPage: true });

  const other = settings.currency === "USD" ? "GBP" : "USD";
  await form.getByLabel("Currency").fill(other.toLowerCase());
  await form.getByRole("button", { name: "Save valuation settings" }).click();
  await expect(form.getByRole("status")).toContainText(`in ${other}`);
  expect((await (await page.request.get("/api/v1/settings")).json()).currency).toBe(other);
  await page.screenshot({ path: `test-results/screenshots/settings-${testInfo.project.name}.png`, fullPage: true });

  // Back as it was, for the journeys after this one (the demo's valuation reports in its currency).
  await form.getByLabel("Currency").fill(settings.currency);
  await form.getByRole("button", { name: "Save valuation settings" }).click();
  await expect(form.getByRole("status")).toContainText(`in ${settings.currency}`);
});

test("a manager cannot open the Settings screen", async ({ page }) => {
  await signIn(page, "manager@example.com");
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
});
