import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "demo1234";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** The links of whichever main navigation is visible (bottom bar on a phone, sidebar on a desk). */
export async function navigationLinks(page: Page) {
  const more = page.getByRole("navigation", { name: "Main" }).getByText("More", { exact: true });
  if (await more.isVisible()) await more.click();
  const names = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();
  return names.map((n) => n.trim()).filter((n) => n !== "API docs");
}
