import { expect, test, type Page } from "@playwright/test";
import { apiAs, BOOTSTRAP_API_KEY, createPerson } from "../tests/security/fixtures";
import { signIn } from "./sign-in";

const SKU = "EL-BAT-0001"; // lot-tracked, stocked at WH1 by the demo seed

async function typeScan(page: Page, code: string) {
  await page.getByLabel("Type a code").fill(code);
  await page.getByRole("button", { name: "Enter", exact: true }).click();
}

test("a write queued on a shared phone posts only under its author's session, and signing out asks about it", async ({ page, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the shared-phone journey runs once, on the phone");
  test.setTimeout(90_000);
  const lot = `OWN${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const bin = "WH1-B02-04";
  // People of its own: signing out ends every session of the person, and other journeys run beside this one.
  const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
  const clerk = await createPerson(admin, "clerk", ["WH1"]);
  const manager = await createPerson(admin, "manager");
  await signIn(page, clerk.email, clerk.password);
  const item = await (await page.request.get(`/api/v1/items/${SKU}`)).json();
  const gtin = item.barcodes.find((b: { kind: string }) => b.kind === "gtin").code as string;

  // The clerk receives while the posting endpoint is out of reach: the write stays on the phone.
  await page.route("**/api/v1/movements", (route) => route.abort("internetdisconnected"));
  await page.goto("/scan#receive");
  await page.getByRole("button", { name: "Hide camera" }).click();
  await typeScan(page, `(01)${gtin}(17)301231(10)${lot}`);
  await expect(page.getByLabel("Lot")).toHaveValue(lot);
  await typeScan(page, bin);
  await page.getByRole("button", { name: "Confirm receipt" }).click();
  await expect(page.getByTestId("write-outcome")).toHaveAttribute("data-status", "queued");

  // Signing out names the write and asks what to do with it; the clerk keeps it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("dialog")).toContainText("You have 1 write from the scan screens on this device");
  await page.screenshot({ path: "test-results/screenshots/scan-sign-out-queue.png" });
  await page.getByRole("button", { name: "Keep for my next sign-in here" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.unroute("**/api/v1/movements");

  // A manager on the same phone: the clerk's write is not posted under the manager's session.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/movements") posts.push(request.url());
  });
  await signIn(page, manager.email, manager.password);
  await page.goto("/scan#receive");
  await expect(page.getByTestId("others-queue-status")).toContainText("1 write by someone else waits on this device");
  await expect(page.getByTestId("queue-status")).toBeHidden();
  expect(posts).toEqual([]);
  // Nothing of the manager's waits, so signing out asks nothing.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The clerk again: the write posts, once, under the clerk's session.
  await signIn(page, clerk.email, clerk.password);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/movements");
  await page.goto("/scan#receive");
  expect((await answered).status()).toBe(201);
  expect(posts).toHaveLength(1);
  await expect(page.getByTestId("others-queue-status")).toBeHidden();
  const movements = (await (await page.request.get(`/api/v1/movements?location=${bin}&sku=${SKU}`)).json()).data as {
    kind: string;
    lot: string;
    actor: string;
  }[];
  expect(movements.filter((m) => m.kind === "receive" && m.lot === lot)).toEqual([expect.objectContaining({ actor: clerk.email })]);
});
