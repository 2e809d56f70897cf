import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a manager adds an item, is told what is wrong first, then edits it", async ({ page }, testInfo) => {
  const sku = `E2E-NEW-${testInfo.project.name.toUpperCase()}`;
  const gtin = testInfo.project.name === "phone" ? "4006381333931" : "9521234543213"; // valid, one per project
  await signIn(page, "manager@example.com");
  await page.goto("/items");
  await page.getByRole("link", { name: "New item" }).click();
  await page.getByLabel("SKU", { exact: true }).fill(sku);
  await page.getByLabel("Name", { exact: true }).fill("Cable tie 200 mm, black, pack of 100");
  const wrong = gtin.slice(0, -1) + ((Number(gtin.at(-1)) + 1) % 10); // wrong check digit
  await page.getByLabel("Barcodes").fill(wrong);
  await page.getByRole("button", { name: "Add item" }).click();
  // The server's answer, not the field's hint (which also speaks of check digits): until it has arrived, the
  // form it puts back as submitted would overwrite a correction typed meanwhile.
  await expect(page.getByRole("alert").filter({ hasText: "The check digit of this GTIN is wrong" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add item" })).toBeEnabled();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Cable tie 200 mm, black, pack of 100");
  await expect(page.getByLabel("Barcodes")).toHaveValue(wrong);

  await page.getByLabel("Barcodes").fill(gtin);
  await page.getByLabel("Category").fill("Electrical > Cable ties");
  await page.getByLabel("Reorder point").fill("12");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page).toHaveURL(new RegExp(`/items/${sku}$`));
  await expect(page.getByRole("heading", { name: "Cable tie 200 mm, black, pack of 100" })).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Cable tie 200 mm, black, pack of 100 (UV resistant)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: /UV resistant/ })).toBeVisible();

  // Valued at a standard cost: the method alone is refused beside the field, then saved with its cost.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Costing method").selectOption("standard");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The standard cost method needs a standard cost")).toBeVisible();
  await expect(page.getByLabel("Costing method")).toHaveValue("standard");
  await page.getByLabel("Standard cost", { exact: true }).fill("0.85");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: /UV resistant/ })).toBeVisible();
  await expect(page.getByTestId("item-costing-method")).toContainText("Standard cost");
  await expect(page.getByTestId("item-costing-method")).toContainText("the item's own");
  await expect(page.getByTestId("item-standard-cost")).toHaveText("Standard cost 0.85 EUR");
  await page.screenshot({ path: `test-results/screenshots/item-created-${testInfo.project.name}.png`, fullPage: true });
});

test("a clerk cannot open the new-item form", async ({ page }) => {
  await signIn(page, "clerk@example.com");
  expect((await page.goto("/items/new"))?.status()).toBe(403);
});
