import { expect, request, test, type Page } from "@playwright/test";
import { BOOTSTRAP_API_KEY, createKey } from "../tests/security/fixtures";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0003"; // untracked, stocked at WH1 by the demo seed
const WRONG = "HT-WRN-0001"; // on no order of this run

/** A handheld scanner: the code typed fast, then Enter (components/scan/use-wedge-scanner.ts). */
async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

/** What does not fit 390 px or a thumb at the pack station: a sideways scroll, a control under 44 × 44 px. */
function fitsThePhone(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px`);
    for (const control of document.querySelectorAll<HTMLElement>('[data-testid="pack-station"] :is(a[href], button, input:not([type=hidden]))')) {
      const box = control.getBoundingClientRect();
      if (box.width > 0 && (box.height < 44 || box.width < 44))
        problems.push(`${control.tagName} "${control.innerText || control.getAttribute("name")}" ${box.width}×${box.height}`);
    }
    return problems;
  });
}

type PickListLine = { lineNo: number; from: string; sku: string; quantity: number };

test("an order from the shop's API key is picked and packed by scanning on a phone, then shipped, and its page shows the movements", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the pick and pack screens are the phone's; the desk's order page is covered by orders.spec.ts");
  test.setTimeout(90_000);
  const baseURL = testInfo.project.use.baseURL!;
  const shots = (name: string) => `test-results/screenshots/pack-station-${name}.png`;

  // The order arrives as a shop sends it: with an API key of its own, scoped to WH1.
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${BOOTSTRAP_API_KEY}` } });
  const { key } = await createKey(admin, "manager", ["WH1"]);
  const shop = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const receipt = await shop.post("/api/v1/movements", { data: { kind: "receive", sku: SKU, quantity: 2, to: "WH1-A01-01", reason: "received" } });
  expect(receipt.status(), await receipt.text()).toBe(201);
  const reference = `SHOP-${Date.now().toString(36).toUpperCase()}`;
  const created = await shop.post("/api/v1/orders", {
    headers: { "Idempotency-Key": `e2e-${reference}` },
    data: {
      reference,
      channel: "e2e-shop",
      customer: { name: "Grace Hopper", address: "1 Harbour Row\nArlington" },
      lines: [{ sku: SKU, quantity: 2 }],
      site: "WH1",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const order = (await created.json()) as { id: string; number: string; status: string };
  expect(order.status).toBe("allocated");
  const item = await (await shop.get(`/api/v1/items/${SKU}`)).json();
  const gtin13 = (item.barcodes.find((b: { kind: string }) => b.kind === "gtin").code as string).slice(1);

  // The clerk opens its pick list from the order page and lands on the scan screen with the list open.
  await signIn(page, "clerk@example.com");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("button", { name: "Open pick list" }).click();
  await expect(page).toHaveURL(/\/scan\?list=[0-9a-f-]+#pick$/);
  await expect(page.getByTestId("pick-line")).toBeVisible();
  await page.getByRole("button", { name: "Hide camera" }).click();
  const listId = new URL(page.url()).searchParams.get("list")!;
  const list = (await (await page.request.get(`/api/v1/pick-lists/${listId}`)).json()) as { reference: string; lines: PickListLine[] };
  expect(list.reference).toBe(order.number);
  const bins = [...new Set(list.lines.map((l) => l.from))];

  // Picked by scanning each stop's bin, then the item, with the handheld scanner.
  for (const line of list.lines) {
    await expect(page.getByTestId("pick-line")).toContainText(line.from);
    await page.getByTestId("scan-prompt").click();
    await wedgeScan(page, line.from);
    await expect(page.getByTestId("scan-verdict")).toHaveText(`At ${line.from}`);
    await wedgeScan(page, gtin13);
    await expect(page.getByLabel("Quantity taken")).toHaveValue(String(line.quantity));
    await page.getByRole("button", { name: "Confirm pick" }).click();
  }
  await expect(page.getByText("Every line is picked.")).toBeVisible();

  // The pack station, on the narrowest common phone: nothing packed yet.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: `Pack order ${order.number}` }).click();
  await expect(page.getByRole("heading", { name: `Pack ${order.number}` })).toBeVisible();
  await page.getByRole("button", { name: "Hide camera" }).click();
  const count = page.getByTestId("pack-line").filter({ hasText: SKU }).getByTestId("pack-count");
  await expect(count).toHaveText("0 / 2");
  await expect(page.getByTestId("scan-prompt")).toHaveText("Scan the first unit: a package opens");
  await page.screenshot({ path: shots("empty"), fullPage: true });

  // One unit in; a wrong item is refused in red and packs nothing.
  await page.getByTestId("scan-prompt").click();
  await wedgeScan(page, gtin13);
  await expect(page.getByTestId("scan-verdict")).toHaveText(`${SKU} ✓ into package 1`);
  await expect(count).toHaveText("1 / 2");
  await wedgeScan(page, WRONG);
  await expect(page.getByTestId("scan-verdict")).toHaveAttribute("data-tone", "wrong");
  await expect(page.getByTestId("scan-verdict")).toContainText(`Wrong item: ${WRONG} is not on order ${order.number}`);
  await expect(count).toHaveText("1 / 2");
  await page.screenshot({ path: shots("refused"), fullPage: true });
  expect(await fitsThePhone(page)).toEqual([]);

  // The last unit, then one too many.
  await wedgeScan(page, gtin13);
  await expect(count).toHaveText("2 / 2");
  await expect(page.getByTestId("scan-prompt")).toHaveText("All in: close package 1");
  await wedgeScan(page, gtin13);
  await expect(page.getByTestId("scan-verdict")).toContainText("Too many");
  await expect(count).toHaveText("2 / 2");

  // Closed with its weight and size; a missing weight is named beside its field first.
  const close = page.getByTestId("pack-close-form");
  await close.getByLabel("Length (mm)").fill("300");
  await close.getByLabel("Width (mm)").fill("200");
  await close.getByLabel("Height (mm)").fill("120");
  await close.getByRole("button", { name: "Close package 1" }).click();
  await expect(close.getByText("Enter a whole number")).toBeVisible();
  await close.getByLabel("Weight (g)").fill("850");
  await close.getByRole("button", { name: "Close package 1" }).click();
  const done = page.getByTestId("pack-done");
  await expect(done).toContainText("Packed: 1 package. Next, ship it.");
  await expect(page.getByRole("heading", { name: `Pack ${order.number}` })).toBeVisible();
  await expect(page.getByTestId("pack-package")).toContainText("850 g · 300 × 200 × 120 mm");
  await page.screenshot({ path: shots("packed"), fullPage: true });
  expect(await fitsThePhone(page)).toEqual([]);
  for (const href of [
    await page.getByRole("link", { name: "Label (PDF)" }).getAttribute("href"),
    await done.getByRole("link", { name: "Packing slip (PDF)" }).getAttribute("href"),
  ]) {
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
  }

  // Shipped from the order page; its movements: bin → staging for the picks, staging → customer for the ship.
  await done.getByRole("link", { name: "Ship on the order page" }).click();
  await expect(page.getByRole("heading", { name: `Order ${order.number}` })).toBeVisible();
  await page.getByLabel("Carrier").fill("UPS");
  await page.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await page.getByRole("button", { name: "Ship order" }).click();
  await expect(page.getByText("Shipped: the units have left for the customer.")).toBeVisible();
  const movements = page.getByTestId("order-movements");
  for (const bin of bins)
    await expect(
      movements
        .locator('li[data-kind="move"]')
        .filter({ hasText: `${bin} → WH1-STAGING` })
        .first(),
    ).toBeVisible();
  await expect(movements.locator('li[data-kind="issue"]')).toHaveCount(1);
  await expect(movements.locator('li[data-kind="issue"]')).toContainText("WH1-STAGING → WH1-CUSTOMER");
  await expect(movements.locator('li[data-kind="issue"]')).toContainText(SKU);
  await page.screenshot({ path: "test-results/screenshots/order-fulfilled-phone.png", fullPage: true });

  const shipped = await (await shop.get(`/api/v1/orders/${order.id}`)).json();
  expect(shipped).toMatchObject({ status: "shipped", carrier: "UPS", lines: [{ picked: 2, packed: 2, shipped: 2 }] });
  await Promise.all([admin.dispose(), shop.dispose()]);
});
