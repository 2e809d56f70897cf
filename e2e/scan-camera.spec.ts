import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { barcodeClip, hasFfmpeg, launchWithCamera, PHONE } from "./camera-clip";
import { signIn } from "./sign-in";

// Each clip needs its own browser launch; the phone project runs these, the desktop one has nothing to add.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "phone", "camera scans run once, on the phone viewport"));
test.skip(!hasFfmpeg(), "ffmpeg is not installed: it turns rendered barcodes into the fake camera's video");

const GS1_LOT_ITEM = "EL-BAT-0001";

async function itemGtin(request: APIRequestContext, sku: string): Promise<string> {
  const item = await (await request.get(`/api/v1/items/${sku}`)).json();
  return item.barcodes.find((b: { kind: string }) => b.kind === "gtin").code as string;
}

async function firstSerialItem(request: APIRequestContext): Promise<string> {
  const list = await (await request.get("/api/v1/items?q=PT-DRL")).json();
  return list.data[0].sku as string;
}

async function phonePage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  const page = await context.newPage();
  await signIn(page, "clerk@example.com");
  return page;
}

test("the camera reads an EAN-13 of a seeded item and the look-up shows its stock", async ({ page: setup }, testInfo) => {
  await signIn(setup, "manager@example.com");
  const gtin14 = await itemGtin(setup.request, GS1_LOT_ITEM);
  const clip = await barcodeClip("ean13-lookup", "ean13", gtin14.slice(1));
  const browser = await launchWithCamera(clip);
  try {
    const page = await phonePage(browser, testInfo.project.use.baseURL!);
    await page.goto("/scan#lookup");
    const card = page.getByTestId("lookup-card");
    await expect(card).toHaveAttribute("data-kind", "item", { timeout: 15_000 });
    await expect(card).toContainText(GS1_LOT_ITEM);
    await expect(card.getByTestId("stock-list").getByRole("listitem").first()).toContainText(/WH1-/);
    await page.screenshot({ path: "test-results/screenshots/scan-camera-lookup.png", fullPage: true });
  } finally {
    await browser.close();
  }
});

test("a GS1-128 with lot and expiry read by the camera prefills a receipt", async ({ page: setup }, testInfo) => {
  await signIn(setup, "manager@example.com");
  const gtin14 = await itemGtin(setup.request, GS1_LOT_ITEM);
  // Short, so the symbol's bars stay wide enough for a 640-pixel camera frame.
  const lot = `C${Date.now().toString(36).slice(-4).toUpperCase()}`;
  const clip = await barcodeClip("gs1-128-receive", "gs1-128", `(01)${gtin14}(17)301231(10)${lot}`);
  const browser = await launchWithCamera(clip);
  try {
    const page = await phonePage(browser, testInfo.project.use.baseURL!);
    await page.goto("/scan#receive");
    await expect(page.getByLabel("Lot")).toHaveValue(lot, { timeout: 15_000 });
    await expect(page.getByLabel("Expires")).toHaveValue("2030-12-31");
    await expect(page.getByTestId("scan-prompt")).toHaveText("Scan the bin it goes into");
    // The bin label by hand (the camera keeps showing the same carton); then confirm.
    await page.getByRole("button", { name: "Hide camera" }).click();
    await page.getByLabel("Type a code").fill("WH1-A06-15");
    await page.getByRole("button", { name: "Enter", exact: true }).click();
    await expect(page.getByTestId("receipt-to")).toHaveText("WH1-A06-15");
    await page.screenshot({ path: "test-results/screenshots/scan-camera-receive.png", fullPage: true });
    await page.getByRole("button", { name: "Confirm receipt" }).click();
    const outcome = page.getByTestId("write-outcome");
    await expect(outcome).toHaveAttribute("data-status", "posted");
    await expect(outcome).toContainText(`Now 1 at WH1-A06-15 (lot ${lot})`);
  } finally {
    await browser.close();
  }
});

test("a GS1 DataMatrix with GTIN and serial read by the camera finds the unit and where it is", async ({ page: setup }, testInfo) => {
  await signIn(setup, "manager@example.com");
  const sku = await firstSerialItem(setup.request);
  const gtin14 = await itemGtin(setup.request, sku);
  const serial = `${sku}-WH1-0001`;
  const clip = await barcodeClip("gs1-datamatrix-serial", "gs1datamatrix", `(01)${gtin14}(21)${serial}`);
  const browser = await launchWithCamera(clip);
  try {
    const page = await phonePage(browser, testInfo.project.use.baseURL!);
    await page.goto("/scan#lookup");
    const card = page.getByTestId("lookup-card");
    await expect(card).toHaveAttribute("data-kind", "serial", { timeout: 15_000 });
    await expect(card).toContainText(`Serial ${serial} · at WH1-`);
    await page.screenshot({ path: "test-results/screenshots/scan-camera-datamatrix.png", fullPage: true });
  } finally {
    await browser.close();
  }
});
