import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a clerk searches a misspelled name, opens show on map, and sees the bins holding it highlighted", async ({ page }, testInfo) => {
  await signIn(page, "clerk@example.com");
  // "Alkaline battery AA LR6" with a typo in each word.
  const box = page.getByRole("combobox", { name: "Search the warehouse" });
  await box.fill("alkalin baterry");
  const suggestions = page.getByTestId("search-suggestions");
  await expect(suggestions.getByRole("option").filter({ hasText: "EL-BAT-0001" })).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=alkalin/);
  const results = page.getByTestId("search-results").getByRole("listitem");
  const battery = results.filter({ hasText: "EL-BAT-0001" });
  await expect(battery).toBeVisible();
  expect(await results.filter({ hasText: "EL-BAT-" }).count()).toBeGreaterThan(0);
  await page.screenshot({ path: `test-results/screenshots/search-${testInfo.project.name}.png`, fullPage: true });

  await battery.getByRole("link", { name: "Show on map" }).click();
  await expect(page).toHaveURL(/\/locations\/map\?highlight=EL-BAT-0001/);
  // The bins highlighted are exactly the clerk's site's bins that hold it. Other journeys running beside this one
  // receive and move this item too: a map and a list read on either side of such a move are read again, together.
  const plan = page.getByTestId("floor-plan");
  let expected: string[] = [];
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.reload();
    const where = (await (await page.request.get("/api/v1/items/EL-BAT-0001/locations")).json()).data as { location: string; site: string }[];
    expected = [...new Set(where.filter((w) => w.site === "WH1").map((w) => w.location))].sort();
    expect(expected.length).toBeGreaterThan(0);
    await expect(plan.locator('[data-highlighted="true"]')).toHaveCount(expected.length, { timeout: 5_000 });
    const highlighted = await plan.locator('[data-highlighted="true"]').evaluateAll((rects) => rects.map((r) => r.getAttribute("data-location")));
    expect(highlighted.sort()).toEqual(expected);
  }).toPass({ timeout: 20_000 });

  // Tapping a ringed bin opens what it holds.
  await plan.locator(`rect[data-location="${expected[0]}"]`).first().click({ force: true });
  await expect(page.getByTestId("location-panel")).toBeVisible();
  await expect(page.getByTestId("location-contents")).toContainText("EL-BAT-0001");
  await page.screenshot({ path: `test-results/screenshots/show-on-map-${testInfo.project.name}.png`, fullPage: true });
});
