// A manager opens the dashboard (phone and desk: the two projects), filters it to one site, and follows a tile
// into the page of an item behind it.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a manager opens the dashboard, filters it by site and drills from a top mover into its item", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await signIn(page, "manager@example.com");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  for (const tile of ["turnover", "inventory-value", "fill-rate", "top-movers", "dead-stock", "shrinkage", "expiring", "abc-xyz", "alerts"]) {
    await expect(page.getByTestId(`tile-${tile}`)).toBeVisible();
  }
  // The demo's year of sales at WH1: the turns are a number, and the chart is there with its words.
  await expect(page.getByTestId("figure-turns")).toHaveText(/^\d/);
  await expect(page.getByTestId("chart-on-hand").getByRole("img")).toHaveAttribute("aria-label", /Units on hand: \d/);
  // The value on hand: its last day as an amount, and the tile links to the valuation report.
  await expect(page.getByTestId("figure-inventory-value")).toHaveText(/\d+\.\d{2}/);
  await expect(page.getByTestId("tile-inventory-value").getByRole("link", { name: "Valuation, item by item" })).toHaveAttribute(
    "href",
    /\/reports\/valuation/,
  );
  // ABC × XYZ is a table: a column per XYZ class and a row per ABC class, each header with its meaning; a filled
  // cell links to the report.
  const abcXyz = page.getByTestId("tile-abc-xyz").getByRole("table");
  await expect(abcXyz.getByRole("columnheader")).toHaveText(["ABC class", "X steady", "Y variable", "Z erratic"]);
  await expect(abcXyz.getByRole("rowheader")).toHaveText(["A most value", "B middle", "C least value"]);
  await expect(abcXyz.getByRole("link").first()).toHaveAttribute("href", /\/reports\/abc-xyz/);
  await abcXyz.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screenshots/dashboard-abc-xyz-${testInfo.project.name}.png` });
  await page.screenshot({ path: `test-results/screenshots/manager-dashboard-${testInfo.project.name}.png`, fullPage: true });

  await page.getByLabel("Site").selectOption("WH1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\?.*site=WH1/);
  await expect(page.getByTestId("dashboard-scope")).toContainText("WH1");
  // Each tile's report link keeps the filters.
  await expect(page.getByTestId("tile-shrinkage").getByRole("link", { name: "Shrinkage report" })).toHaveAttribute(
    "href",
    /\/reports\/shrinkage\?.*site=WH1/,
  );

  const movers = page.getByTestId("chart-top-movers").getByRole("list", { name: "Units issued" });
  const first = movers.getByRole("link").first();
  const sku = (await first.locator(".font-mono").innerText()).trim();
  await first.focus();
  await expect(first).toBeFocused();
  await page.screenshot({ path: `test-results/screenshots/manager-dashboard-wh1-${testInfo.project.name}.png`, fullPage: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/items/${encodeURIComponent(sku)}$`));
  await expect(page.getByTestId("item-sku")).toHaveText(sku);
});

test("a period without activity says what to do next instead of empty charts", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/dashboard?from=2001-01-01&to=2001-01-31&site=WH1");
  await expect(page.getByTestId("tile-top-movers")).toContainText("Nothing left to customers in this period");
  await expect(page.getByTestId("tile-fill-rate")).toContainText("No order was due in this period");
  await expect(page.getByTestId("figure-days-of-inventory")).toHaveText("–");
});
