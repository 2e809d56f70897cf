import { expect, request, test } from "@playwright/test";
import { BOOTSTRAP_API_KEY, createKey } from "../tests/security/fixtures";
import { startShopifyContractServer } from "../tests/contract-servers/shopify-contract-server";
import { signIn } from "./sign-in";

// Untracked, ambient, and moved by no other journey (demo catalogue).
const SKU = "HT-PLR-0002";
const LOCATION = "gid://shopify/Location/1";

test("a manager connects a shop, receives stock on the phone, and sees the shop's quantity follow on the channel page", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the manager's phone journey");
  const baseURL = testInfo.project.use.baseURL!;
  const shop = await startShopifyContractServer({ accessToken: "shpat_e2e", locationId: LOCATION });
  const gid = shop.addItem(SKU, 0);
  try {
    // The shop runs on this machine: an admin allows private addresses, as an on-premise install would.
    const admin = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${BOOTSTRAP_API_KEY}` } });
    expect((await admin.patch("/api/v1/settings", { data: { allowPrivateUrls: true } })).status()).toBe(200);
    const { key } = await createKey(admin, "manager");
    const manager = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    // Connected on the phone through the form; a missing field is named beside it first. The SKU is matched
    // through the shop's API by SKU (no map given).
    await signIn(page, "manager@example.com");
    await page.goto("/channels");
    const form = page.getByTestId("connect-channel-form");
    const name = `e2e-shop-${Date.now().toString(36)}`;
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Shop address").fill(shop.url);
    await form.getByLabel("Admin API access token").fill("shpat_e2e");
    await form.getByLabel("Webhook secret").fill("e2e-webhook-secret");
    await form.getByLabel("Hold back (units)").fill("1");
    await form.getByRole("button", { name: "Connect shop" }).click();
    await expect(form.getByText("Please correct the marked fields.")).toBeVisible();
    await expect(
      form
        .getByRole("alert")
        .filter({ hasText: /location|Location|Required|expected/ })
        .first(),
    ).toBeVisible();
    await form.getByLabel("Admin API access token").fill("shpat_e2e");
    await form.getByLabel("Webhook secret").fill("e2e-webhook-secret");
    await form.getByLabel("Location GID").fill(LOCATION);
    await form.getByRole("button", { name: "Connect shop" }).click();
    await expect(page).toHaveURL(/\/channels\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const channel = { id: page.url().split("/").pop()! };
    const stockBefore = (await (await manager.get(`/api/v1/availability?sku=${SKU}&site=WH1`)).json()) as { data: { available: number }[] };
    const before = stockBefore.data[0]?.available ?? 0;
    await page.goto(`/stock/move?kind=receive&sku=${SKU}`);
    await page.getByLabel("SKU", { exact: true }).fill(SKU);
    await page.getByLabel("Quantity", { exact: true }).fill("6");
    await page.getByLabel("To", { exact: true }).fill("WH1-A01-01");
    await page.getByRole("button", { name: /^Post / }).click();
    await expect(page.getByTestId("movement-result")).toContainText("on hand");

    // Pushed by the app itself within seconds: sellable = available − the buffer of 1.
    await expect.poll(() => shop.available(gid), { timeout: 5_000 }).toBe(before + 6 - 1);
    await page.goto(`/channels/${channel.id}`);
    const row = page.getByTestId("channel-skus").getByRole("row", { name: new RegExp(SKU) });
    await expect(row).toContainText(String(before + 6 - 1));
    await expect(row).toContainText("in step");
    await page.screenshot({ path: "test-results/screenshots/channel-phone.png", fullPage: true });
    await manager.dispose();
    await admin.dispose();
  } finally {
    await shop.close();
  }
});
