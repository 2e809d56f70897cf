import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a viewer opening an admin page directly gets 403", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  for (const path of ["/admin/users", "/admin/api-keys", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You may not open this page" })).toBeVisible();
  }
});

test("a viewer's mutating API requests get 403 problem JSON and change nothing", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const createUser = await page.request.post("/api/v1/users", {
    data: { email: "sneaky@example.com", name: "Sneaky", role: "admin", password: "password123" },
  });
  expect(createUser.status()).toBe(403);
  expect(createUser.headers()["content-type"]).toContain("application/problem+json");
  expect(await createUser.json()).toMatchObject({ status: 403, code: "forbidden" });
  const createKey = await page.request.post("/api/v1/api-keys", { data: { name: "sneaky", role: "admin" } });
  expect(createKey.status()).toBe(403);
  // Reading users is an admin power too.
  expect((await page.request.get("/api/v1/users")).status()).toBe(403);
});

test("signed-out visitors are sent to sign in, and the API says 401", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in/);
  const response = await page.request.get("/api/v1/me");
  expect(response.status()).toBe(401);
});

test("a wrong password shows an error and is in the audit log", async ({ page }, testInfo) => {
  const email = `manager@example.com`;
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("The e-mail or password is wrong.");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.screenshot({ path: `test-results/screenshots/sign-in-error-${testInfo.project.name}.png` });

  await signIn(page, "admin@example.com");
  await page.goto(`/admin/audit?action=auth.sign_in_failed&actor=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("audit-action").first()).toHaveText("auth.sign_in_failed");
  await expect(page.getByTestId("audit-list")).toContainText(email);
});
