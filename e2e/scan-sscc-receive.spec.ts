// A pallet arrives: the clerk scans its SSCC on the phone, sees its purchase order and what is on it, receives it
// into a bin by scanning the bin, and puts it away from there.
import { expect, test, type Page } from "@playwright/test";
import { gs1CheckDigit } from "../lib/gs1/check-digit";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0004";
const [DOCK_BIN, SHELF_BIN] = ["WH1-A04-11", "WH1-A04-12"];

function newSscc(): string {
  const base = `3761235${String(Date.now()).slice(-10)}`;
  return `${base}${gs1CheckDigit(base)}`;
}

async function typeCode(page: Page, code: string) {
  await page.getByLabel("Type a code").fill(code);
  await page.getByRole("button", { name: "Enter", exact: true }).click();
}

async function onHandAt(page: Page, location: string): Promise<number> {
  const levels = (await (await page.request.get(`/api/v1/stock?location=${location}&sku=${SKU}`)).json()).data as { onHand: number }[];
  return levels.reduce((sum, level) => sum + level.onHand, 0);
}

test("a clerk receives a pallet by scanning its SSCC, then puts it away from the bin it went into", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "a phone journey");
  test.setTimeout(90_000);

  // A sent order with a shipping notice for one pallet, set up through the API by a manager.
  const manager = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await signIn(manager, "manager@example.com");
  const supplier = ((await (await manager.request.get(`/api/v1/items/${SKU}`)).json()).suppliers as { supplier: string }[])[0].supplier;
  const drafted = await manager.request.post("/api/v1/purchase-orders", { data: { supplier, site: "WH1", lines: [{ sku: SKU, quantity: 6 }] } });
  expect(drafted.status(), await drafted.text()).toBe(201);
  const order = (await drafted.json()) as { id: string; number: string };
  for (const step of ["approve", "send"]) {
    const answer = await manager.request.post(`/api/v1/purchase-orders/${order.id}/${step}`, { data: {} });
    expect(answer.status(), await answer.text()).toBe(200);
  }
  const sscc = newSscc();
  const notice = await manager.request.post(`/api/v1/purchase-orders/${order.id}/asn`, {
    data: { sscc, shipDate: "2027-01-02", expectedAt: "2027-01-05", lines: [{ sku: SKU, quantity: 6 }] },
  });
  expect(notice.status(), await notice.text()).toBe(200);

  await signIn(page, "clerk@example.com");
  const [dockBefore, shelfBefore] = [await onHandAt(page, DOCK_BIN), await onHandAt(page, SHELF_BIN)];
  await page.goto("/scan");
  await page.getByRole("button", { name: "Hide camera" }).click();

  // A label nobody announced says so.
  const stranger = newSscc().replace(/^3761235/, "3761236");
  await typeCode(page, `(00)${stranger.slice(0, 17)}${gs1CheckDigit(stranger.slice(0, 17))}`);
  await expect(page.getByTestId("pallet-unknown")).toContainText("No purchase order you can see expects the pallet");

  // The pallet: its order, supplier and lines; the bin scanned next is where it goes.
  await typeCode(page, `(00)${sscc}`);
  const pallet = page.getByTestId("pallet");
  await expect(pallet.getByTestId("pallet-order")).toHaveText(order.number);
  await expect(pallet.getByTestId("pallet-lines")).toContainText(SKU);
  await expect(pallet.getByTestId("pallet-lines")).toContainText("6");
  await expect(page.getByTestId("scan-prompt")).toHaveText("Scan the bin the pallet goes into");
  await typeCode(page, DOCK_BIN);
  await expect(page.getByLabel("Into location")).toHaveValue(DOCK_BIN);
  await page.screenshot({ path: `test-results/screenshots/scan-sscc-${testInfo.project.name}.png`, fullPage: true });
  await page.getByRole("button", { name: "Receive pallet" }).click();
  await expect(pallet.getByRole("status")).toHaveText(`Received into ${DOCK_BIN} against ${order.number}.`);
  expect(await onHandAt(page, DOCK_BIN)).toBe(dockBefore + 6);

  // Put away: the move screen starts from the bin it went into.
  await page.getByRole("button", { name: `Put away from ${DOCK_BIN}` }).click();
  await expect(page.getByTestId("scan-verdict")).toHaveText(`From ${DOCK_BIN}`);
  await expect(page.getByTestId("scan-prompt")).toHaveText("Scan the item");
  await typeCode(page, SKU);
  await page.getByLabel(/^Quantity/).fill("6");
  await typeCode(page, SHELF_BIN);
  await page.getByRole("button", { name: "Confirm move" }).click();
  await expect.poll(() => onHandAt(page, SHELF_BIN)).toBe(shelfBefore + 6);
  expect(await onHandAt(page, DOCK_BIN)).toBe(dockBefore);

  // Scanned again, the pallet says when it was received.
  await page.getByRole("button", { name: "Look up" }).click();
  await typeCode(page, `]C100${sscc}`);
  await expect(page.getByTestId("pallet-received")).toContainText("Received already, on");
  await expect(page.getByRole("button", { name: "Receive pallet" })).toHaveCount(0);
});
