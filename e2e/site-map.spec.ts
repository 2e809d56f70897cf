// WH2's floor plan, in one file because both tests save it: the files of a run go to two browsers at once, and
// the tests of one file run in order in one of them. The plan's frame times first, then the editor on top of it.
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

/** A 5,000-bin plan: 25 aisles × 200 bins, as shapes (the frame times depend on the drawing, not on locations). */
function bigPlan() {
  const shapes = [];
  for (let aisle = 0; aisle < 25; aisle++) {
    const x = 2 + aisle * 6;
    shapes.push({ id: `aisle-${aisle}`, kind: "aisle", x: x + 1, y: 2, width: 3, height: 100 });
    for (let bin = 0; bin < 200; bin++) {
      shapes.push({ id: `bin-${aisle}-${bin}`, kind: "bin", x: bin % 2 === 0 ? x : x + 4, y: 2 + Math.floor(bin / 2), width: 1, height: 1 });
    }
  }
  return { width: 156, height: 106, unit: "m", shapes };
}

test("a 5,000-bin plan pans and zooms smoothly (frame times recorded)", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "measured once, in the desktop viewport");
  await signIn(page, "manager@example.com");
  const current = await (await page.request.get("/api/v1/sites/WH2/map")).json();
  const saved = await page.request.put("/api/v1/sites/WH2/map", { data: { ...bigPlan(), version: current.version } });
  expect(saved.status()).toBe(200);

  await page.goto("/locations/map?site=WH2");
  const plan = page.getByTestId("floor-plan");
  await expect(plan.locator('g[data-kind="bin"] > rect')).toHaveCount(5000);
  const box = (await plan.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  // Count frames while the mouse drags (pan) and the wheel zooms, as a person would for ~3 s.
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { frameTimes: number[] }).frameTimes = times;
    const tick = (t: number) => {
      times.push(t);
      if (times.length < 100_000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(centre.x + Math.sin(i / 6) * 200, centre.y + Math.cos(i / 6) * 120);
  await page.mouse.up();
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -120 : 120);
  for (let i = 0; i < 60; i++) await page.mouse.move(centre.x + i * 3, centre.y - i * 2, { steps: 1 });
  const times = await page.evaluate(() => (window as unknown as { frameTimes: number[] }).frameTimes);

  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
  const result = { frames: gaps.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: gaps.at(-1)!, over50ms: gaps.filter((g) => g > 50).length };
  writeFileSync(testInfo.outputPath("map-frame-times.json"), JSON.stringify(result, null, 2));
  console.log(`map frame times, 5,000 bins: ${JSON.stringify(result)}`);
  await page.screenshot({ path: "test-results/screenshots/map-5000-bins.png" });
  // Stutter is frames far slower than the display's; allow a loaded CI machine some slack.
  expect(result.p95).toBeLessThan(100);
});

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
