import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0003"; // untracked, stocked at WH1 by the demo seed

test("a transfer is shipped at one site and received short at the other", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough: the phone shares the same pages");
  const reference = `TR-E2E-${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, "manager@example.com");
  // Stock totals count what is in transit (kept at the source's TRANSIT location); shelves are the rest.
  const levels = async (query: string) =>
    (await (await page.request.get(`/api/v1/stock?${query}`)).json()).data as { location: string; onHand: number }[];
  const stockAt = async (query: string) =>
    (await levels(query)).filter((l) => !l.location.endsWith("-TRANSIT")).reduce((sum, l) => sum + l.onHand, 0);
  const inTransit = async () => (await levels(`sku=${SKU}&location=WH1-TRANSIT`)).reduce((sum, l) => sum + l.onHand, 0);
  const transitBefore = await inTransit();
  const [wh1Before, binBefore] = [await stockAt(`sku=${SKU}&site=WH1`), await stockAt(`sku=${SKU}&location=WH2-A02-03`)];

  await page.goto("/transfers");
  await page.getByRole("link", { name: "New transfer" }).click();
  await page.getByLabel("From site").selectOption("WH1");
  await page.getByLabel("To site").selectOption("WH2");
  await page.getByLabel("Reference").fill(reference);
  await page.getByLabel("SKU 1").fill(SKU);
  await page.getByLabel("Quantity").first().fill("4");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Transfer WH1 → WH2" })).toBeVisible();

  await page.getByRole("button", { name: "Ship now" }).click();
  await expect(page.getByText("Shipped: the stock is in transit.")).toBeVisible();
  const line = page.getByTestId("transfer-lines").locator(`tr[data-sku="${SKU}"]`);
  await expect(line.locator("td").nth(3)).toHaveText("4"); // in transit
  expect(await stockAt(`sku=${SKU}&site=WH1`)).toBe(wh1Before - 4);
  expect(await inTransit()).toBe(transitBefore + 4);

  // Three arrive; the fourth never does: closing books it as short.
  await page.getByLabel(`Good units of ${SKU}`).fill("3");
  await page.getByLabel(`Bin for ${SKU}`).fill("WH2-A02-03");
  await page.getByLabel(/Close the transfer/).check();
  await page.getByRole("button", { name: "Post receipt" }).click();
  await expect(page.getByText("Received and closed.")).toBeVisible();
  await expect(page.getByTestId("discrepancies")).toContainText(`1 short (${SKU})`);
  await expect(line.locator("td").nth(4)).toHaveText("3");
  await page.screenshot({ path: "test-results/screenshots/transfer-received-short.png", fullPage: true });
  expect(await stockAt(`sku=${SKU}&location=WH2-A02-03`)).toBe(binBefore + 3);
  expect(await inTransit()).toBe(transitBefore);

  await page.getByRole("link", { name: "Packing list and labels" }).click();
  await expect(page.getByTestId("packing-list").getByRole("row").filter({ hasText: SKU })).toContainText("4");
});
