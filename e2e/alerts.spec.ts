import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// A shelf runs empty after a sale: the bell counts the stockout, the alerts page says what is wrong, a clerk
// acknowledges it with a note, and a receipt resolves it by itself.
test("a stockout rings the bell, is acknowledged with a note, and resolves when stock arrives", async ({ page }, testInfo) => {
  const sku = `ALERT-${testInfo.project.name}-${Date.now().toString(36)}`.toUpperCase();
  await signIn(page, "manager@example.com");
  const created = await page.request.post("/api/v1/items", { data: { sku, name: "Alarm test widget" } });
  expect(created.status(), await created.text()).toBe(201);
  const move = async (data: object) => {
    const posted = await page.request.post("/api/v1/movements", { data: { sku, quantity: 2, reason: "received", ...data } });
    expect(posted.status(), await posted.text()).toBe(201);
  };
  await move({ kind: "receive", to: "WH1-A01-01" });
  await move({ kind: "issue", from: "WH1-A01-01", reason: "sold" });

  // The relay raises it within moments of the sale; a fresh page shows the count.
  await expect(async () => {
    await page.goto(`/alerts?kind=stockout`);
    await expect(page.getByTestId("alert").filter({ hasText: sku })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("alert-bell").filter({ visible: true })).toHaveAttribute("aria-label", /Alerts: \d+ active, [1-9]\d* new/);
  const alert = page.getByTestId("alert").filter({ hasText: sku });
  await expect(alert.getByTestId("alert-description")).toHaveText("None on hand or available");
  await page.screenshot({ path: `test-results/screenshots/alerts-${testInfo.project.name}.png`, fullPage: true });

  await alert.getByPlaceholder("What is being done (optional)").fill("Supplier called, delivery Friday");
  await alert.getByRole("button", { name: "Acknowledge" }).click();
  // The row turns acknowledged in place (the page re-renders from the server) and keeps the note.
  await expect(alert).toHaveAttribute("data-state", "acknowledged");
  await expect(alert.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(alert).toContainText("Supplier called, delivery Friday");

  await move({ kind: "receive", to: "WH1-A01-01" });
  await expect(async () => {
    await page.goto(`/alerts?kind=stockout&state=resolved`);
    await expect(page.getByTestId("alert").filter({ hasText: sku })).toHaveAttribute("data-state", "resolved", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test("a person chooses which alerts e-mail them, and a site they do not work at is not offered", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/alerts");
  await page.getByRole("link", { name: "E-mail me…" }).click();
  await expect(page.getByRole("heading", { name: "Alert e-mails" })).toBeVisible();
  await page.getByRole("radio", { name: /Hourly/ }).check();
  await page.getByRole("checkbox", { name: "Low stock" }).check();
  await page.getByRole("checkbox", { name: "Stockout" }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: alerts reach you as chosen.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: /Hourly/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Low stock" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Overstock" })).not.toBeChecked();
});
