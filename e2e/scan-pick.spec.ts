import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0002";

async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

test("a clerk picks an order by scanning: the wrong bin and the wrong item are flagged, the right ones confirm the line", async ({
  page,
  browser,
}, testInfo) => {
  const tag = testInfo.project.name === "phone" ? "P" : "D";
  const bin = tag === "P" ? "WH1-B02-05" : "WH1-B02-06";
  const reference = `SO-E2E-${tag}-${Date.now().toString(36).toUpperCase()}`;
  // The order arrives from a manager (in real life, the order system's API key).
  const manager = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await signIn(manager, "manager@example.com");
  expect(
    (await manager.request.post("/api/v1/movements", { data: { kind: "receive", sku: SKU, quantity: 5, to: bin, reason: "received" } })).status(),
  ).toBe(201);
  const created = await manager.request.post("/api/v1/pick-lists", {
    data: { site: "WH1", reference, lines: [{ sku: SKU, quantity: 2, from: bin }] },
  });
  expect(created.status()).toBe(201);
  const item = await (await manager.request.get(`/api/v1/items/${SKU}`)).json();
  const gtin13 = (item.barcodes.find((b: { kind: string }) => b.kind === "gtin").code as string).slice(1);

  await signIn(page, "clerk@example.com");
  await page.goto("/scan#pick");
  await page.getByRole("button", { name: new RegExp(reference) }).click();
  await page.getByRole("button", { name: "Hide camera" }).click();
  const line = page.getByTestId("pick-line");
  await expect(line).toContainText(bin);
  await page.getByTestId("scan-prompt").click();

  await wedgeScan(page, "WH1-A01-01");
  await expect(page.getByTestId("scan-verdict")).toHaveAttribute("data-tone", "wrong");
  await expect(page.getByTestId("scan-verdict")).toContainText(`go to ${bin}`);
  await wedgeScan(page, bin);
  await expect(page.getByTestId("scan-verdict")).toHaveText(`At ${bin}`);
  await wedgeScan(page, "HT-WRN-0001");
  await expect(page.getByTestId("scan-verdict")).toContainText(`this line is ${SKU}`);
  await wedgeScan(page, gtin13);
  await expect(page.getByLabel("Quantity taken")).toHaveValue("2");
  await page.screenshot({ path: `test-results/screenshots/scan-pick-${testInfo.project.name}.png`, fullPage: true });
  await page.getByRole("button", { name: "Confirm pick" }).click();
  await expect(page.getByText("Every line is picked.")).toBeVisible();

  const list = (await (await page.request.get("/api/v1/pick-lists?site=WH1&status=done")).json()).data as { reference: string }[];
  expect(list.map((l) => l.reference)).toContain(reference);
  const levels = (await (await page.request.get(`/api/v1/stock?location=${bin}&sku=${SKU}`)).json()).data as { onHand: number }[];
  expect(levels.reduce((sum, l) => sum + l.onHand, 0)).toBe(3);

  // The printable list names each stop in walking order.
  await page.goto(`/pick-lists/${(await created.json()).id}`);
  await expect(page.getByTestId("pick-stops").getByRole("row").nth(1)).toContainText(`1${bin}`);
});
