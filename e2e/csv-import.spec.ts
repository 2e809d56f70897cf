import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a manager checks a CSV with one bad row, sees why, imports the valid rows and finds one among the items", async ({ page }, testInfo) => {
  const tag = testInfo.project.name.toUpperCase();
  const sku = (n: number) => `E2E-CSV-${tag}-${n}`;
  const file = [
    "sku,name,category,barcodes,supplier,unit_cost,reorder_point",
    `${sku(1)},Pallet wrap 500 mm ${tag},Packaging > Film,,PKN,18.90,10`,
    `${sku(2)},Pallet wrap 400 mm ${tag},Packaging > Film,4006381333932,,,`, // wrong GTIN check digit
    `${sku(3)},Stretch film dispenser ${tag},Packaging > Tools,,,,`,
  ].join("\n");

  await signIn(page, "manager@example.com");
  await page.goto("/items");
  await page.getByRole("link", { name: "Import / export" }).click();
  await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: `items-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Check file" }).click();

  const result = page.getByTestId("import-result");
  await expect(result.getByRole("heading", { name: "1 row with problems" })).toBeVisible();
  const problems = result.getByTestId("import-problems");
  await expect(problems.getByRole("row")).toHaveCount(2); // header + the one problem
  await expect(problems).toContainText(sku(2));
  await expect(problems).toContainText("4006381333932: The check digit of this GTIN is wrong");
  await expect(result.getByRole("button", { name: /^Import all/ })).toBeDisabled();
  await page.screenshot({ path: `test-results/screenshots/csv-import-report-${testInfo.project.name}.png`, fullPage: true });
  await result.screenshot({ path: `test-results/screenshots/csv-import-report-result-${testInfo.project.name}.png` });

  await result.getByRole("button", { name: "Import the 2 valid rows" }).click();
  await expect(result.getByRole("status")).toHaveText("Imported 2 items. 1 row with problems was left out (listed below).");
  await page.screenshot({ path: `test-results/screenshots/csv-import-done-${testInfo.project.name}.png`, fullPage: true });

  await page.goto(`/items?q=${sku(1)}`);
  await expect(page.getByTestId("item-count")).toHaveText("1 item");
  await expect(
    page
      .getByRole("link", { name: new RegExp(`Pallet wrap 500 mm ${tag}`) })
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  await page.goto(`/items?q=${sku(2)}`);
  await expect(page.getByTestId("item-count")).toHaveText("0 items");
});

test("a clerk may import only opening stock", async ({ page }) => {
  await signIn(page, "clerk@example.com");
  await page.goto("/items/import");
  await expect(page.getByRole("radio", { name: /Opening stock/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^Items/ })).toHaveCount(0);
});

test("a viewer may not open the import page", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  expect((await page.goto("/items/import"))?.status()).toBe(403);
});
