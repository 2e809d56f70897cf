import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a manager draws a rack on the map and bulk-creates its bins", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "editing the plan is a desk task");
  const prefix = `WH2-R${Date.now().toString(36).slice(-3).toUpperCase()}`;
  await signIn(page, "manager@example.com");
  // A saved plan to start from (another test may already have drawn one), so there is a version to undo back to.
  const start = await (await page.request.get("/api/v1/sites/WH2/map")).json();
  if (start.version === 0) {
    expect((await page.request.put("/api/v1/sites/WH2/map", { data: { width: 60, height: 40, unit: "m", shapes: [], version: 0 } })).status()).toBe(
      200,
    );
  }
  await page.goto("/locations/map?site=WH2");
  await page.getByRole("button", { name: "Edit map" }).click();
  await expect(page.getByTestId("floor-plan")).toBeVisible();
  await page.getByRole("button", { name: "Bulk create rack" }).click();
  const dialog = page.getByRole("dialog", { name: "Bulk create rack" });
  await dialog.getByLabel("Prefix").fill(prefix);
  await dialog.getByLabel("Racks").fill("2");
  await dialog.getByLabel("Positions per rack").fill("3");
  await dialog.getByLabel("Inside (parent location)").selectOption("WH2-A");
  await expect(dialog.getByTestId("rack-preview")).toContainText(`6 bins, ${prefix}-01-01 to ${prefix}-02-03`);
  await dialog.getByRole("button", { name: /Create 6 bins and save/ }).click();
  await expect(page.getByText(/Saved as version \d+\./)).toBeVisible();

  // The six bins exist as locations and are drawn on the saved map.
  const plan = page.getByTestId("floor-plan");
  await expect(plan.locator(`[data-location^="${prefix}-"]`)).toHaveCount(6);
  const map = await (await page.request.get("/api/v1/sites/WH2/map")).json();
  expect(map.shapes.filter((s: { location?: string }) => s.location?.startsWith(`${prefix}-`))).toHaveLength(6);
  expect((await page.request.get(`/api/v1/locations?site=WH2&parent=WH2-A`)).status()).toBe(200);
  await page.screenshot({ path: "test-results/screenshots/map-editor-rack.png", fullPage: true });

  // Undo saves the version before as a new one: the rack's shapes leave the plan, the history keeps both.
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(page.getByText(/Undone: the map is back as version \d+\./)).toBeVisible();
  await expect(plan.locator(`[data-location^="${prefix}-"]`)).toHaveCount(0);
  const after = await (await page.request.get("/api/v1/sites/WH2/map")).json();
  expect(after.version).toBe(map.version + 1);
  expect(after.shapes.some((s: { location?: string }) => s.location?.startsWith(`${prefix}-`))).toBe(false);
});
