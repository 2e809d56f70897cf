import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// A demo item with a year of sales at WH1 (prisma/demo-history.ts).
const SKU = "FS-SCR-0001";

test("a manager recomputes one item's reorder point from the forecast and watches the run finish", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one journey, on the phone");
  await signIn(page, "manager@example.com");
  await page.goto("/reorder-points");
  await page.getByLabel("Site").selectOption("WH1");
  await page.getByLabel("SKU starts with").fill(SKU);
  await page.getByRole("button", { name: "Recompute" }).click();
  const progress = page.getByTestId("recompute-progress");
  await expect(progress).toHaveAttribute("data-status", "done", { timeout: 20_000 });
  await expect(progress).toContainText("1 of 1");
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");

  // What it wrote is what the forecast suggests, now in force at WH1.
  await page.goto(`/items/${SKU}/forecast`);
  const suggested = (await page.getByTestId("suggested-reorder-point").innerText()).trim();
  await expect(page.getByTestId("current-reorder-point")).toHaveText(suggested);
});
