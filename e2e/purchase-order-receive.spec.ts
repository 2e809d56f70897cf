// A buyer drafts, approves and sends a purchase order on the phone; the supplier confirms and announces the pallet
// through its own key; a clerk receives the whole pallet by its SSCC.
import { expect, test } from "@playwright/test";
import { gs1CheckDigit } from "../lib/gs1/check-digit";
import { apiAs, BOOTSTRAP_API_KEY } from "../tests/security/fixtures";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0003";

test("a purchase order goes from draft to received by one scan of the pallet's SSCC", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, "manager@example.com");
  const supplier = ((await (await page.request.get(`/api/v1/items/${SKU}`)).json()).suppliers as { supplier: string }[])[0].supplier;
  const bin = ((await (await page.request.get(`/api/v1/stock?sku=${SKU}&site=WH1`)).json()).data as { location: string }[]).find(
    (level) => !level.location.endsWith("-TRANSIT"),
  )!.location;

  await page.goto("/purchase-orders/new");
  await page.getByLabel("Supplier").selectOption(supplier);
  await page.getByLabel("Deliver to site").selectOption("WH1");
  await page.locator('[name="line.0.sku"]').fill(SKU);
  await page.locator('[name="line.0.quantity"]').fill("12");
  await page.locator('[name="line.0.unitCost"]').fill("1.25");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/purchase-orders\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByTestId("purchase-order-lines")).toContainText("15.0000");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved.")).toBeVisible();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Marked as sent")).toBeVisible();

  // The supplier's side, through a key bound to the supplier.
  const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
  const made = await admin.post("/api/v1/api-keys", { data: { name: `portal-${testInfo.project.name}-${Date.now()}`, role: "supplier", supplier } });
  expect(made.status(), await made.text()).toBe(201);
  const portal = await apiAs(baseURL!, (await made.json()).key as string);
  const confirmed = await portal.post(`/api/v1/purchase-orders/${id}/confirm`, {
    data: { lines: [{ sku: SKU, quantity: 12, promisedAt: "2027-01-10" }] },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const base = `3761234${String(Date.now()).slice(-10)}`;
  const sscc = `${base}${gs1CheckDigit(base)}`;
  const notice = await portal.post(`/api/v1/purchase-orders/${id}/asn`, {
    data: { sscc, shipDate: "2027-01-02", expectedAt: "2027-01-05", lines: [{ sku: SKU, quantity: 12 }] },
  });
  expect(notice.status(), await notice.text()).toBe(200);
  expect((await portal.get("/api/v1/items")).status()).toBe(403);

  // The clerk scans the bin and the pallet.
  await page.context().clearCookies();
  await signIn(page, "clerk@example.com");
  await page.goto(`/purchase-orders/${id}`);
  await page.getByLabel("Into location").fill(bin);
  await page.getByLabel("Pallet SSCC").fill(sscc);
  await page.getByRole("button", { name: "Post receipt" }).click();
  await expect(page.getByText("Received.")).toBeVisible();
  await expect(page.getByTestId("purchase-order-lines").locator(`tr[data-sku="${SKU}"] td`).nth(4)).toHaveText("12");
  await expect(page.getByTestId("purchase-order-history")).toContainText("received");
});
