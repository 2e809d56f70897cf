import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a manager adds a chilled bin inside a chilled aisle, conditions prefilled, and finds it listed", async ({ page }, testInfo) => {
  const code = `WH1-C02-9${testInfo.project.name === "phone" ? "1" : "2"}`;
  await signIn(page, "manager@example.com");
  await page.goto("/locations/WH1-C02");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add location" }) });
  await expect(form.getByLabel("Min °C")).toHaveValue("2");
  await expect(form.getByLabel("Max °C")).toHaveValue("8");
  await form.getByLabel("Code").fill(code);
  await form.getByRole("button", { name: "Add location" }).click();
  await expect(form.getByText("Enter a name")).toBeVisible();
  await form.getByLabel("Name").fill(`Bin ${code}`);
  await form.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByText(`${code} (bin) added.`)).toBeVisible();
  await expect(page.getByTestId("child-locations")).toContainText(code);
  await page.goto(`/locations/${code}`);
  await expect(page.getByText("2 to 8 °C")).toBeVisible();
});

test("a clerk browses locations but cannot add one", async ({ page }) => {
  await signIn(page, "clerk@example.com");
  await page.goto("/locations/WH1-A");
  await expect(page.getByTestId("child-locations")).toContainText("WH1-A01");
  await expect(page.getByRole("button", { name: "Add location" })).toHaveCount(0);
});
