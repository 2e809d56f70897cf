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
  const { levels, postingId } = (await receipt.json()) as { levels: { onHand: number }[]; postingId: string };

  // The poll feed has it too, as the same kind of event: followed page by page from the start, as a consumer reads
  // it (the demo's two years of history come first).
  const feedHasIt = async () => {
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const url = `/api/v1/events?types=stock.changed&limit=1000${after ? `&after=${encodeURIComponent(after)}` : ""}`;
      const feed = (await (await service.get(url)).json()) as { data: { data: { sku: string; posting: string } }[]; next: string | null };
      if (feed.data.some((event) => event.data.sku === SKU && event.data.posting === postingId)) return true;
      if (feed.data.length < 1000 || !feed.next) return false;
      after = feed.next;
    }
    return false;
  };
  await expect.poll(feedHasIt, { timeout: 20_000 }).toBe(true);

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
