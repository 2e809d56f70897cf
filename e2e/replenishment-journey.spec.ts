// Issue 15's journey: stock falls to its reorder point → the bell shows the alert → a manager turns the suggestion
// into a purchase order and approves it → the supplier confirms and announces the pallet through the API → a
// clerk receives the pallet by its SSCC on the phone → the alert resolves by itself.
import { expect, test } from "@playwright/test";
import { gs1CheckDigit } from "../lib/gs1/check-digit";
import { apiAs, BOOTSTRAP_API_KEY } from "../tests/security/fixtures";
import { signIn } from "./sign-in";

test("low stock rings the bell, its suggestion becomes an approved order, the supplier's pallet is received by SSCC and the alert resolves", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the warehouse's phone journey");
  test.setTimeout(120_000);
  const tag = Date.now().toString(36).toUpperCase();
  const [sku, supplier, bin] = [`REORDER-${tag}`, `SUPP${tag}`, "WH1-A05-11"];
  await signIn(page, "manager@example.com");
  const api = page.request;
  expect((await api.post("/api/v1/suppliers", { data: { code: supplier, name: `Fixings ${tag}`, leadTimeDays: 7 } })).status()).toBe(201);
  const item = await api.post("/api/v1/items", {
    data: { sku, name: "Wall plug 8 mm", suppliers: [{ supplier, unitCost: "0.40", packSize: 6, preferred: true }] },
  });
  expect(item.status(), await item.text()).toBe(201);
  expect((await api.post("/api/v1/movements", { data: { kind: "receive", sku, quantity: 10, to: bin, reason: "received" } })).status()).toBe(201);
  expect((await api.put(`/api/v1/items/${sku}/thresholds`, { data: { site: "WH1", reorderPoint: 8 } })).status()).toBe(200);
  expect((await api.post("/api/v1/movements", { data: { kind: "issue", sku, quantity: 5, from: bin, reason: "sold" } })).status()).toBe(201);

  // The bell counts it within moments (the relay raises it); the alerts page says why.
  const lowStock = page.getByTestId("alert").filter({ hasText: sku });
  await expect(async () => {
    await page.goto("/alerts?kind=low_stock");
    await expect(lowStock).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("alert-bell").filter({ visible: true })).toHaveAttribute("aria-label", /[1-9]\d* new/);
  await expect(lowStock.getByTestId("alert-description")).toHaveText("Available 5 ≤ reorder point 8 (on hand 5)");

  // The suggestion: 8 + 1 + 1 (a week of last 90 days' sales) − 5 = 5 → one pack of 6.
  await page.goto("/purchase-orders/suggestions?site=WH1");
  const line = page.getByTestId("suggestion-line").filter({ hasText: sku });
  await expect(line).toContainText("6 ×");
  await expect(line).toContainText("available 5 ≤ reorder point 8");
  // Drafting by schedule is offered, and off unless a buyer turns it on.
  await expect(page.getByLabel("Draft WH1's suggestions by themselves")).toHaveValue("off");
  await page.screenshot({ path: "test-results/screenshots/purchase-suggestions-phone.png", fullPage: true });
  await page.getByRole("button", { name: `Draft a purchase order to ${supplier}` }).click();
  await expect(page).toHaveURL(/\/purchase-orders\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved.")).toBeVisible();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Marked as sent")).toBeVisible();

  // The supplier, through a key bound to it: confirms and announces the pallet.
  const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
  const made = await admin.post("/api/v1/api-keys", { data: { name: `portal-${tag}`, role: "supplier", supplier } });
  expect(made.status(), await made.text()).toBe(201);
  const portal = await apiAs(baseURL!, (await made.json()).key as string);
  expect(
    (await portal.post(`/api/v1/purchase-orders/${id}/confirm`, { data: { lines: [{ sku, quantity: 6, promisedAt: "2027-01-10" }] } })).status(),
  ).toBe(200);
  const base = `3761234${String(Date.now()).slice(-10)}`;
  const sscc = `${base}${gs1CheckDigit(base)}`;
  const notice = await portal.post(`/api/v1/purchase-orders/${id}/asn`, {
    data: { sscc, shipDate: "2027-01-02", expectedAt: "2027-01-05", lines: [{ sku, quantity: 6 }] },
  });
  expect(notice.status(), await notice.text()).toBe(200);

  // The clerk receives the pallet by its SSCC; available 11 > 8 resolves the alert.
  await page.context().clearCookies();
  await signIn(page, "clerk@example.com");
  await page.goto(`/purchase-orders/${id}`);
  await page.getByLabel("Into location").fill(bin);
  await page.getByLabel("Pallet SSCC").fill(sscc);
  await page.getByRole("button", { name: "Post receipt" }).click();
  await expect(page.getByText("Received.")).toBeVisible();
  await expect(async () => {
    await page.goto("/alerts?kind=low_stock&state=resolved");
    await expect(page.getByTestId("alert").filter({ hasText: sku })).toHaveAttribute("data-state", "resolved", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
