import { expect, test } from "@playwright/test";
import { apiAs, BOOTSTRAP_API_KEY, createPerson } from "../tests/security/fixtures";
import { navigationLinks, signIn } from "./sign-in";

const EXPECTED_NAVIGATION: Record<string, string[]> = {
  "admin@example.com": [
    "Dashboard",
    "Scan",
    "Items",
    "Move stock",
    "Orders",
    "Transfers",
    "Purchase orders",
    "Locations",
    "Categories",
    "Reports",
    "Analytics",
    "Suppliers",
    "Reorder points",
    "Channels",
    "Users",
    "API keys",
    "Webhooks",
    "Audit log",
    "Events",
    "Reason codes",
    "Settings",
  ],
  "manager@example.com": [
    "Dashboard",
    "Scan",
    "Items",
    "Move stock",
    "Orders",
    "Transfers",
    "Purchase orders",
    "Locations",
    "Categories",
    "Reports",
    "Analytics",
    "Suppliers",
    "Reorder points",
    "Channels",
  ],
  "clerk@example.com": ["Dashboard", "Scan", "Items", "Move stock", "Orders", "Transfers", "Purchase orders", "Locations", "Categories"],
  "viewer@example.com": ["Dashboard", "Scan", "Items", "Orders", "Transfers", "Purchase orders", "Locations", "Categories", "Reports", "Analytics"],
};

for (const [email, links] of Object.entries(EXPECTED_NAVIGATION)) {
  test(`${email} signs in and sees the navigation of the role`, async ({ page }, testInfo) => {
    await signIn(page, email);
    expect(await navigationLinks(page)).toEqual(links);
    // Real counts from the demo database, not placeholders.
    await expect(page.getByTestId("count-items")).not.toHaveText("0");
    await expect(page.getByTestId("count-locations")).not.toHaveText("0");
    await expect(page.getByTestId("recent-movements").getByRole("listitem").first()).toBeVisible();
    if (email.startsWith("admin") || email.startsWith("clerk")) {
      await page.screenshot({ path: `test-results/screenshots/dashboard-${email.split("@")[0]}-${testInfo.project.name}.png`, fullPage: true });
    }
  });
}

test("a clerk sees only the first site's locations in the counts", async ({ page, browser }) => {
  await signIn(page, "clerk@example.com");
  const clerkLocations = Number((await page.getByTestId("count-locations").innerText()).replace(/\D/g, ""));
  const managerPage = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(managerPage, "manager@example.com");
  const allLocations = Number((await managerPage.getByTestId("count-locations").innerText()).replace(/\D/g, ""));
  expect(clerkLocations).toBeGreaterThan(0);
  expect(clerkLocations).toBeLessThan(allLocations);
});

test("signing out returns to the sign-in page, protects the app again, and is audited", async ({ page, baseURL }) => {
  // A viewer of its own: signing out ends every session of the person, and other journeys run beside this one.
  const viewer = await createPerson(await apiAs(baseURL!, BOOTSTRAP_API_KEY), "viewer");
  await signIn(page, viewer.email, viewer.password);
  await page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "admin@example.com");
  await page.goto(`/admin/audit?action=auth.sign_out&actor=${encodeURIComponent(viewer.email)}`);
  await expect(page.getByTestId("audit-action").first()).toHaveText("auth.sign_out");
});

test("a clerk opening the manager's dashboard gets 403, on the page and from the API", async ({ page }) => {
  await signIn(page, "clerk@example.com");
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You may not open this page" })).toBeVisible();
  const api = await page.request.get("/api/v1/dashboard");
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ status: 403, code: "forbidden" });
});
