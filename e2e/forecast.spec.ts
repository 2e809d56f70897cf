import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// A demo item with a year of sales at WH1 (prisma/demo-history.ts).
const SKU = "FS-SCR-0001";

test("a manager opens an item's forecast on a phone, sees why the method was chosen, and applies the suggested reorder point", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the planner's phone journey");
  await signIn(page, "manager@example.com");
  await page.goto(`/items/${SKU}`);
  await page.getByRole("link", { name: "Forecast" }).click();
  await expect(page.getByRole("heading", { name: "Demand forecast" })).toBeVisible();
  await expect(page.getByTestId("forecast-chart")).toBeVisible();
  await expect(page.getByTestId("forecast-why")).toContainText(/The history is (smooth|erratic|intermittent|lumpy)\./);
  // Every contender's holdout error, the chosen one marked.
  const rows = page.getByTestId("holdout-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(rows.first()).toContainText("✓");

  const suggested = (await page.getByTestId("suggested-reorder-point").innerText()).trim();
  expect(Number(suggested)).toBeGreaterThan(0);
  await page.screenshot({ path: "test-results/screenshots/forecast-phone.png", fullPage: true });
  await page.getByRole("button", { name: `Apply reorder point ${suggested}` }).click();
  await expect(page.getByText(`Reorder point ${suggested} is now in force at WH1.`)).toBeVisible();
  await expect(page.getByTestId("current-reorder-point")).toHaveText(suggested);

  // A one-off order in the last week is corrected with its reason, and the forecast reads the correction.
  const correct = page.locator("form").filter({ has: page.getByRole("button", { name: "Correct the period" }) });
  await correct.getByLabel(/Demand to read/).fill("0");
  await correct.getByLabel("Why").fill("warehouse closed for inventory");
  await correct.getByRole("button", { name: "Correct the period" }).click();
  await expect(page.getByTestId("corrections")).toContainText("warehouse closed for inventory");

  // The applied reorder point is WH1's own threshold now, shown on the item page beside the other sites'.
  await page.goto(`/items/${SKU}`);
  const wh1 = page.getByTestId("item-thresholds").locator('tr[data-site="WH1"]');
  await expect(wh1.locator("td").nth(3)).toHaveText(suggested);
});
