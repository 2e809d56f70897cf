import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SKU = "EL-BAT-0001"; // lot-tracked, ambient, in the demo catalogue

async function post(
  page: Page,
  fields: { kind: string; quantity: number; from?: string; to?: string; lot?: string; expiresAt?: string; reference?: string },
) {
  await page.goto(`/stock/move?kind=${fields.kind}&sku=${SKU}`);
  await page.getByLabel("SKU").fill(SKU);
  await page.getByLabel(fields.kind === "count" ? "Counted quantity" : "Quantity").fill(String(fields.quantity));
  if (fields.from) await page.getByLabel("From").fill(fields.from);
  if (fields.to) await page.getByLabel("To").fill(fields.to);
  if (fields.lot) await page.getByLabel("Lot").fill(fields.lot);
  if (fields.expiresAt) await page.getByLabel("Expires").fill(fields.expiresAt);
  if (fields.reference) await page.getByLabel("Reference").fill(fields.reference);
  await page.getByRole("button", { name: /^Post / }).click();
  return page.getByTestId("movement-result");
}

test("a clerk receives a lot on the phone, moves part of it, issues by FEFO, then traces the lot", async ({ page }, testInfo) => {
  const tag = testInfo.project.name.toUpperCase();
  const [early, late] = [`E2E-${tag}-EARLY`, `E2E-${tag}-LATE`];
  const [bin, other] = tag === "PHONE" ? ["WH1-A06-19", "WH1-A06-20"] : ["WH1-A06-17", "WH1-A06-18"];
  await signIn(page, "clerk@example.com");

  // A wrong move is refused beside the field and changes nothing.
  await post(page, { kind: "receive", quantity: 10, to: bin });
  await expect(page.getByText("is lot-tracked: name the lot")).toBeVisible();

  let result = await post(page, { kind: "receive", quantity: 10, to: bin, lot: late, expiresAt: "2031-06-30", reference: `DN-${tag}` });
  await expect(result.getByTestId("resulting-levels")).toContainText(`${bin}· lot ${late}10 on hand`.replace("· lot", " · lot "));
  result = await post(page, { kind: "receive", quantity: 4, to: bin, lot: early, expiresAt: "2030-01-31" });
  await expect(result).toContainText("4 on hand");
  await page.screenshot({ path: `test-results/screenshots/receive-${testInfo.project.name}.png`, fullPage: true });

  result = await post(page, { kind: "move", quantity: 3, from: bin, to: other, lot: late });
  await expect(result.getByTestId("resulting-levels")).toContainText(`${other}`);
  await expect(result.getByTestId("resulting-levels")).toContainText("7 on hand");

  // No lot named: the earliest expiring lot goes first, then the next.
  result = await post(page, { kind: "issue", quantity: 6, from: bin, reference: `SO-${tag}` });
  await expect(result).toContainText(`issue 4 ${SKU} · lot ${early}`);
  await expect(result).toContainText(`issue 2 ${SKU} · lot ${late}`);

  // Undo the last single movement: move 1 more, then undo it.
  result = await post(page, { kind: "move", quantity: 1, from: bin, to: other, lot: late });
  await result.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone: the opposite movement was posted.")).toBeVisible();

  await page.goto(`/trace?lot=${late}&sku=${SKU}`);
  const timeline = page.getByTestId("trace-timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(5); // receive, move, issue, move, reversal
  await expect(timeline.getByRole("listitem").first()).toContainText(`ref DN-${tag}`);
  await expect(timeline).toContainText(`ref SO-${tag}`);
  await page.screenshot({ path: `test-results/screenshots/trace-${testInfo.project.name}.png`, fullPage: true });
});

test("a viewer cannot open the movement form, and the API refuses the post", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const response = await page.goto("/stock/move");
  expect(response?.status()).toBe(403);
  const post = await page.request.post("/api/v1/movements", {
    data: { kind: "receive", sku: SKU, quantity: 1, to: "WH1-A01-01", reason: "received", lot: "X", expiresAt: "2030-01-01" },
  });
  expect(post.status()).toBe(403);
});

test("an open item page shows a movement someone else posts, within 2 seconds, without reloading", async ({ page, browser }, testInfo) => {
  const bin = testInfo.project.name === "phone" ? "WH1-A05-19" : "WH1-A05-20";
  await signIn(page, "manager@example.com");
  await page.goto(`/items/${SKU}`);
  const history = page.getByTestId("movement-history");
  await expect(history).toBeVisible();
  const reference = `LIVE-${testInfo.project.name}-${Date.now()}`;

  const colleague = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const other = await colleague.newPage();
  await signIn(other, "clerk@example.com");
  const posted = await other.request.post("/api/v1/movements", {
    data: {
      kind: "receive",
      sku: SKU,
      quantity: 3,
      to: bin,
      reason: "received",
      lot: `LIVE-${testInfo.project.name}`,
      expiresAt: "2032-01-01",
      reference,
    },
  });
  expect(posted.status()).toBe(201);
  await expect(history).toContainText(reference, { timeout: 2_000 });
  await colleague.close();
});
