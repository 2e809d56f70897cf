import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0003"; // untracked, stocked at WH1 by the demo seed
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An order sent through the API as a shop would send it (the session signs the request), for one unit at WH1. */
async function sendOrder(page: Page, reference: string, promisedShipDate: string) {
  const response = await page.request.post("/api/v1/orders", {
    headers: { "Idempotency-Key": `e2e-${reference}` },
    data: {
      reference,
      channel: "e2e-shop",
      customer: { name: `Customer ${reference}` },
      lines: [{ sku: SKU, quantity: 1 }],
      site: "WH1",
      promisedShipDate,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; number: string; status: string };
}

test("an order from the API shows on the board, a late one under late, and ships from its page with its movements", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const isPhone = testInfo.project.name === "phone";
  const suffix = `${testInfo.project.name}-${Date.now().toString(36)}`.toUpperCase();
  await signIn(page, "manager@example.com");
  // Stock of its own, so the run does not depend on what other journeys left.
  const receipt = await page.request.post("/api/v1/movements", {
    data: { kind: "receive", sku: SKU, quantity: 2, to: "WH1-A01-01", reason: "received" },
  });
  expect(receipt.status(), await receipt.text()).toBe(201);
  const dueToday = await sendOrder(page, `E2E-${suffix}-1`, dayFromToday(0));
  const late = await sendOrder(page, `E2E-${suffix}-2`, dayFromToday(-1));
  expect([dueToday.status, late.status]).toEqual(["allocated", "allocated"]);

  // Phones get cards, desks a table: the same rows either way.
  const board = page.getByTestId(isPhone ? "order-cards" : "order-table");
  await page.goto("/orders?channel=e2e-shop&site=WH1");
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  await expect(board.getByText(dueToday.number)).toBeVisible();
  await expect(board.getByText(late.number)).toBeVisible();
  await page.getByRole("link", { name: /^Late/ }).click();
  await expect(page).toHaveURL(/tab=late/);
  await expect(board.getByText(late.number)).toBeVisible();
  await expect(board.getByText(dueToday.number)).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/orders-board-${testInfo.project.name}.png`, fullPage: true });

  // The order page: its history, then ship it; a missing field is named beside it.
  await page.goto("/orders?channel=e2e-shop&site=WH1");
  await board.getByText(dueToday.number).click();
  await expect(page.getByRole("heading", { name: `Order ${dueToday.number}` })).toBeVisible();
  await expect(page.getByTestId("order-history")).toContainText("allocated");
  await expect(page.getByTestId("order-movements")).toHaveCount(0);
  await page.getByLabel("Tracking number").fill("JD014600");
  await page.getByRole("button", { name: "Ship order" }).click();
  await expect(page.getByText("Name the carrier")).toBeVisible();
  await page.getByLabel("Carrier").fill("DHL");
  await page.getByLabel("Tracking number").fill("JD014600");
  await page.getByRole("button", { name: "Ship order" }).click();
  await expect(page.getByText("Shipped: the units have left for the customer.")).toBeVisible();
  await expect(page.getByTestId("order-history")).toContainText("shipped");
  await expect(page.getByTestId("order-tracking")).toHaveText("DHL JD014600");
  const issue = page.getByTestId("order-movements").locator('li[data-kind="issue"]');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText(SKU);
  await expect(issue).toContainText("WH1-CUSTOMER");
  await page.screenshot({ path: `test-results/screenshots/order-page-${testInfo.project.name}.png`, fullPage: true });

  // The API tells the same story: shipped, and counted on time this week.
  const shipped = await (await page.request.get(`/api/v1/orders/${dueToday.id}`)).json();
  expect(shipped).toMatchObject({ status: "shipped", carrier: "DHL", trackingNumber: "JD014600" });
  const onTime = (await (await page.request.get(`/api/v1/orders/on-time?site=WH1&from=${dayFromToday(-7)}`)).json()).data as { onTime: number }[];
  expect(onTime.reduce((sum, w) => sum + w.onTime, 0)).toBeGreaterThanOrEqual(1);
  await page.goto("/orders?tab=shipped&channel=e2e-shop");
  await expect(board.getByText(dueToday.number)).toBeVisible();
  await expect(page.getByTestId("on-time-chart")).toBeVisible();
});
