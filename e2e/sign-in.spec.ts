import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./sign-in";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

for (const target of ["//other.example", "/\\other.example", "/%2F%2Fother.example"]) {
  test(`signing in from a link asking for ${target} lands on this site's home page`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await submitSignIn(page, "viewer@example.com", DEMO_PASSWORD);
    await expect(page).toHaveURL(`${baseURL}/`, { timeout: 15_000 });
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 15_000 });
  });
}

test("a throttled sign-in is answered 429 with Retry-After, and the form says how long to wait", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the protocol is the same on a phone");
  const email = `guesser-${Date.now().toString(36)}@example.com`;
  // next-auth's own protocol, as its client (the form's signIn) speaks it: a CSRF token, then the callback.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempt = () => page.request.post("/api/auth/callback/credentials", { form: { email, password: "wrong password", csrfToken, json: "true" } });
  for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
  const throttled = await attempt();
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThanOrEqual(1);

  // In the form (its own e-mail: the browser may reach the server from another loopback address than the API
  // client did): five wrong passwords say so, the sixth says how long to wait instead.
  const formEmail = `form-${email}`;
  await page.goto("/sign-in");
  const alert = page.locator("form").getByRole("alert");
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, formEmail, `wrong password ${i}`);
    await expect(alert).toHaveText("The e-mail or password is wrong.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await submitSignIn(page, formEmail, "another wrong password");
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Wait \d+ seconds, then try again\.$/);
});
