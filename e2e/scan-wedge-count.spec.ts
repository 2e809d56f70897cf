import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const PLAIN = ["HT-SCR-0001", "HT-WRN-0001"];
const LOTTED = "EL-BAT-0001";

async function gtinOf(request: APIRequestContext, sku: string): Promise<string> {
  const item = await (await request.get(`/api/v1/items/${sku}`)).json();
  return item.barcodes.find((b: { kind: string }) => b.kind === "gtin").code;
}

async function receive(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post("/api/v1/movements", { data: { kind: "receive", reason: "received", ...body } });
  expect(response.status()).toBe(201);
}

/** What a handheld scanner does: the whole code typed in a few milliseconds, then Enter. */
async function wedgeScan(page: Page, ...parts: string[]) {
  for (const part of parts) {
    if (part === "<GS>") await page.keyboard.press("Control+BracketRight");
    else await page.keyboard.type(part);
  }
  await page.keyboard.press("Enter");
}

test("a clerk counts a bin with a handheld scanner: short, missing and lot stock corrected, wrong scans flagged", async ({ page }, testInfo) => {
  const tag = testInfo.project.name === "phone" ? "P" : "D";
  const bin = tag === "P" ? "WH1-B01-07" : "WH1-B01-08";
  const lot = `WL${tag}${Date.now().toString(36).slice(-4).toUpperCase()}`;
  await signIn(page, "clerk@example.com");
  // The bin as the ledger knows it: 3 screwdrivers, 1 wrench, 2 packs of one battery lot.
  await receive(page.request, { sku: PLAIN[0], quantity: 3, to: bin });
  await receive(page.request, { sku: PLAIN[1], quantity: 1, to: bin });
  await receive(page.request, { sku: LOTTED, quantity: 2, to: bin, lot, expiresAt: "2030-06-30" });
  const [screwdriverGtin, batteryGtin] = [await gtinOf(page.request, PLAIN[0]), await gtinOf(page.request, LOTTED)];

  await page.goto("/scan#count");
  if (testInfo.project.name === "desktop") {
    // This browser has no camera: the screen says so and keeps the typed field, not a blank box.
    await expect(page.getByRole("alert").filter({ hasText: /camera/i })).toContainText("Type or scan the code into the field below");
  }
  await page.getByRole("button", { name: "Hide camera" }).click();
  await page.getByTestId("scan-prompt").click(); // focus on the page, not in a field: the scanner types anywhere
  await wedgeScan(page, bin);
  await expect(page.getByTestId("scan-verdict")).toHaveText(`Counting ${bin}`);
  await expect(page.getByTestId("count-line")).toHaveCount(3);

  // The scanner sends symbology identifiers and GS as Ctrl+]: found 2 of 3 screwdrivers (EAN-13) and both battery packs (GS1-128).
  await wedgeScan(page, `]E0${screwdriverGtin.slice(1)}`);
  await wedgeScan(page, screwdriverGtin.slice(1));
  await wedgeScan(page, `]C101${batteryGtin}10${lot}`, "<GS>", "17300630");
  await wedgeScan(page, `]C101${batteryGtin}10${lot}`, "<GS>", "17300630");
  await expect(page.getByTestId("scan-verdict")).toHaveAttribute("data-tone", "ok");

  // A bin outside the count is flagged red and changes nothing.
  await wedgeScan(page, "WH1-A01-01");
  await expect(page.getByTestId("scan-verdict")).toHaveAttribute("data-tone", "wrong");
  await expect(page.getByTestId("scan-verdict")).toContainText("not part of this count");

  const line = (sku: string) => page.locator(`[data-testid="count-line"][data-sku="${sku}"]`).getByRole("spinbutton");
  await expect(line(PLAIN[0])).toHaveValue("2");
  await expect(line(LOTTED)).toHaveValue("2");
  // The wrench was never scanned: it is listed before submission.
  await expect(page.getByTestId("count-missing")).toContainText(PLAIN[1]);
  await page.screenshot({ path: `test-results/screenshots/scan-count-${testInfo.project.name}.png`, fullPage: true });
  await page.getByRole("button", { name: "Submit count" }).click();
  await expect(page.getByTestId("write-outcome")).toHaveAttribute("data-status", "posted");

  const stock = (await (await page.request.get(`/api/v1/stock?location=${bin}`)).json()).data as {
    sku: string;
    lot: string | null;
    onHand: number;
  }[];
  const onHand = (sku: string) => stock.filter((row) => row.sku === sku).reduce((sum, row) => sum + row.onHand, 0);
  expect(onHand(PLAIN[0])).toBe(2);
  expect(onHand(PLAIN[1])).toBe(0);
  expect(stock.find((row) => row.sku === LOTTED && row.lot === lot)?.onHand).toBe(2);
});
