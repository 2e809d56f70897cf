import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// A demo item whose item-wide default reorder point every site inherits (prisma/seed.ts).
const SKU = "HT-SCR-0003";

test("a manager sets a site's own thresholds on the item page, told first what is wrong beside the field", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one journey, on the phone");
  await signIn(page, "manager@example.com");
  await page.goto(`/items/${SKU}`);
  const table = page.getByTestId("item-thresholds");
  const wh2 = table.locator('tr[data-site="WH2"]');
  await expect(wh2).toBeVisible();
  const inherited = (await table.locator('tr[data-site="default"] td').nth(3).innerText()).trim();

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save thresholds" }) });
  await form.getByLabel("Thresholds of").selectOption("WH2");
  await form.getByLabel("Min").fill("50");
  await form.getByLabel("Max").fill("20");
  await form.getByRole("button", { name: "Save thresholds" }).click();
  await expect(form.getByRole("alert").filter({ hasText: /Must not be below min/ })).toBeVisible();

  await form.getByLabel("Max").fill("200");
  await form.getByLabel("Safety stock").fill("7");
  await form.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Thresholds at WH2 saved.")).toBeVisible();
  await expect(wh2.locator("td").nth(1)).toHaveText("50");
  await expect(wh2.locator("td").nth(2)).toHaveText("200");
  await expect(wh2.locator("td").nth(5)).toHaveText("7");
  // The reorder point WH2 did not set is still the default's, marked as inherited.
  await expect(wh2.locator("td").nth(3)).toHaveText(inherited === "—" ? "—" : `${inherited.replace("*", "")}*`);
  await page.screenshot({ path: "test-results/screenshots/item-thresholds-phone.png", fullPage: true });
});

test("a manager imports per-site thresholds from a CSV and finds them on the item page", async ({ page }, testInfo) => {
  const sku = `THR-CSV-${testInfo.project.name}-${Date.now().toString(36)}`.toUpperCase();
  await signIn(page, "manager@example.com");
  const created = await page.request.post("/api/v1/items", { data: { sku, name: "Threshold import widget" } });
  expect(created.status(), await created.text()).toBe(201);
  const file = [
    "sku,site,min_qty,max_qty,reorder_point,reorder_quantity,safety_stock",
    `${sku},,1,500,5,20,2`,
    `${sku},WH2,,900,9,,`,
    `${sku},WH9,,,1,,`,
  ].join("\n");

  await page.goto("/items/import");
  await page.getByRole("radio", { name: /^Thresholds/ }).check();
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "thresholds.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Check file" }).click();
  const result = page.getByTestId("import-result");
  await expect(result.getByTestId("import-problems")).toContainText("No site has the code WH9");
  await result.getByRole("button", { name: "Import the 2 valid rows" }).click();
  await expect(result.getByRole("status")).toHaveText("Imported 2 rows of thresholds. 1 row with problems was left out (listed below).");

  await page.goto(`/items/${sku}`);
  const wh2 = page.getByTestId("item-thresholds").locator('tr[data-site="WH2"]');
  await expect(wh2.locator("td").nth(2)).toHaveText("900");
  await expect(wh2.locator("td").nth(3)).toHaveText("9");
  await expect(wh2.locator("td").nth(1)).toHaveText("1*"); // min inherited from the item-wide default
});
