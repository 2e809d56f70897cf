import { expect, request, test } from "@playwright/test";
import { BOOTSTRAP_API_KEY } from "../tests/security/fixtures";
import { signIn } from "./sign-in";

// Pliers from the demo catalogue: untracked, and no other journey moves them.
const SKU = "HT-PLR-0001";

test("a stock movement made through the API shows in the admin's event log as stock.changed, with the pipeline's state", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "an admin's desk screen");
  const baseURL = testInfo.project.use.baseURL!;
  const service = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${BOOTSTRAP_API_KEY}` } });
  const receipt = await service.post("/api/v1/movements", { data: { kind: "receive", sku: SKU, quantity: 3, to: "WH1-A01-01", reason: "received" } });
  expect(receipt.status(), await receipt.text()).toBe(201);
  const { levels } = (await receipt.json()) as { levels: { onHand: number }[] };

  // The poll feed has it too, as the same kind of event.
  await expect
    .poll(async () => {
      const feed = (await (await service.get("/api/v1/events?types=stock.changed&limit=1000")).json()) as { data: { data: { sku: string } }[] };
      return feed.data.filter((event) => event.data.sku === SKU).length;
    })
    .toBeGreaterThan(0);

  await signIn(page, "admin@example.com");
  await page.goto(`/admin/events?type=stock.changed&sku=${SKU}`);
  const newest = page.getByTestId("event-list").getByRole("listitem").first();
  await expect(newest).toContainText("stock.changed");
  await expect(newest.getByTestId("event-summary")).toContainText(`WH1-A01-01: on hand ${levels[0].onHand}`);
  await expect(page.getByTestId("pipeline-status")).toContainText("Relay: up to date");
  await expect(page.getByTestId("nats-status")).toContainText("NATS");
  await page.screenshot({ path: "test-results/screenshots/events-desktop.png", fullPage: true });
  await service.dispose();
});
