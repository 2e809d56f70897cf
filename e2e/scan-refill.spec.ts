import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

test("a pick face at its refill level asks for a refill; a clerk scans the reserve bin, the item and the face, and the move posts", async ({
  page,
  browser,
}, testInfo) => {
  const isPhone = testInfo.project.name === "phone";
  const [face, reserve] = isPhone ? ["WH1-A06-17", "WH1-A06-18"] : ["WH1-A06-19", "WH1-A06-20"];
  const sku = `REFILL-${testInfo.project.name}-${Date.now().toString(36)}`.toUpperCase();
  const manager = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await signIn(manager, "manager@example.com");
  expect((await manager.request.post("/api/v1/items", { data: { sku, name: "Refill test gloves" } })).status()).toBe(201);
  for (const [to, quantity] of [
    [face, 4],
    [reserve, 30],
  ] as const) {
    const receipt = await manager.request.post("/api/v1/movements", { data: { kind: "receive", sku, quantity, to, reason: "received" } });
    expect(receipt.status(), await receipt.text()).toBe(201);
  }
  // Already at or below its new level: the refill is asked for at once.
  const refill = await manager.request.put(`/api/v1/locations/${face}/refill`, { data: { capacityUnits: 10, refillLevel: 5 } });
  // At least ours: another journey's item low in the same bin gets its own refill.
  const answer = await refill.json();
  expect(answer).toMatchObject({ location: face, refillLevel: 5 });
  expect(answer.tasksCreated).toBeGreaterThanOrEqual(1);

  await signIn(page, "clerk@example.com");
  await page.goto("/scan#refill");
  await page.getByRole("button", { name: new RegExp(`6 × ${sku}`) }).click();
  await page.getByRole("button", { name: "Hide camera" }).click();
  await expect(page.getByTestId("refill-task")).toContainText(`${reserve} → ${face}`);
  await page.getByTestId("scan-prompt").click();
  await wedgeScan(page, face);
  await expect(page.getByTestId("scan-verdict")).toContainText(`go to ${reserve}`);
  await wedgeScan(page, reserve);
  await wedgeScan(page, sku);
  await expect(page.getByTestId("scan-verdict")).toContainText(`now take them to ${face}`);
  await wedgeScan(page, face);
  await expect(page.getByRole("button", { name: "Confirm refill" })).toBeEnabled();
  await page.screenshot({ path: `test-results/screenshots/scan-refill-${testInfo.project.name}.png`, fullPage: true });
  await page.getByRole("button", { name: "Confirm refill" }).click();
  await expect(page.getByRole("button", { name: new RegExp(`× ${sku}`) })).toHaveCount(0);

  // The scan screen sends its writes from a queue (they survive going offline): the move lands a moment after the tap.
  await expect(async () => {
    const levels = (await (await page.request.get(`/api/v1/stock?sku=${sku}`)).json()).data as { location: string; onHand: number }[];
    expect(Object.fromEntries(levels.map((l) => [l.location, l.onHand]))).toEqual({ [face]: 10, [reserve]: 24 });
  }).toPass({ timeout: 15_000 });
});
