// A manager opens the supplier-performance report: sorts a column, sees the chart, downloads the CSV.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const SKU = "HT-SCR-0003";
const HEADER = "supplier,name,orders,lines,promisedLeadTimeDays,actualLeadTimeDays,fillRate,onTimeRate,damagedUnits,damagedRate";

test("a manager sorts the supplier-performance report, sees its chart and downloads it as CSV", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await signIn(page, "manager@example.com");
  // A purchase order sent, confirmed, received today with one damaged unit and closed: the report has a row for its supplier.
  const supplier = ((await (await page.request.get(`/api/v1/items/${SKU}`)).json()).suppliers as { supplier: string }[])[0].supplier;
  const bin = ((await (await page.request.get(`/api/v1/stock?sku=${SKU}&site=WH1`)).json()).data as { location: string }[]).find(
    (level) => !level.location.endsWith("-TRANSIT"),
  )!.location;
  const created = await page.request.post("/api/v1/purchase-orders", {
    data: { supplier, site: "WH1", lines: [{ sku: SKU, quantity: 4, unitCost: "1.25" }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = (await created.json()).id as string;
  for (const step of ["approve", "send"]) expect((await page.request.post(`/api/v1/purchase-orders/${id}/${step}`, { data: {} })).status()).toBe(200);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const confirmed = await page.request.post(`/api/v1/purchase-orders/${id}/confirm`, {
    data: { lines: [{ sku: SKU, quantity: 4, promisedAt: tomorrow }] },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const received = await page.request.post(`/api/v1/purchase-orders/${id}/receive`, {
    data: { to: bin, lines: [{ sku: SKU, quantity: 3, damaged: 1 }] },
  });
  expect(received.status(), await received.text()).toBe(200);
  // Closed short: a finished order, so its fill rate (3 of 4) and on-time rate count.
  expect((await page.request.post(`/api/v1/purchase-orders/${id}/close`, { data: {} })).status()).toBe(200);

  await page.goto("/reports");
  await page.getByRole("link", { name: /Supplier performance/ }).click();
  await expect(page).toHaveURL(/\/reports\/supplier-performance$/);
  await page.getByLabel("Site").selectOption("WH1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/site=WH1/);

  const table = page.getByTestId("report-table");
  const row = table.getByRole("row").filter({ hasText: supplier });
  await expect(row).toBeVisible();
  const chart = page.getByTestId("supplier-performance-chart");
  await expect(chart.getByRole("img", { name: /^On-time rate and fill rate per supplier/ })).toHaveAttribute(
    "aria-label",
    new RegExp(`${supplier}: on time \\d+(\\.\\d)?%, fill rate \\d+(\\.\\d)?%`),
  );
  // Its bars are drawn (its supplier's order is 75% filled and on time, so both of its bars have a height).
  await expect(chart.locator("path.recharts-rectangle").nth(1)).toBeVisible();
  // In the chart's own colours (a data key named `fill` would paint them black).
  const colours = await chart.locator("path.recharts-rectangle").evaluateAll((bars) => bars.map((bar) => bar.getAttribute("fill")));
  expect(new Set(colours)).toEqual(new Set(["#1d5fd1", "#64748b"]));

  // Sorting: the damaged units, most first on the first click, then fewest first.
  const damagedHeader = table.getByRole("columnheader", { name: "Damaged units" });
  await damagedHeader.getByRole("button").click();
  await expect(damagedHeader).toHaveAttribute("aria-sort", "descending");
  const damaged = async () =>
    (await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.children[8].textContent ?? ""))).map((t) =>
      Number(t.replace(/\D/g, "")),
    );
  const descending = await damaged();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  expect(descending[0]).toBeGreaterThanOrEqual(1);
  await damagedHeader.getByRole("button").click();
  await expect(damagedHeader).toHaveAttribute("aria-sort", "ascending");
  expect(await damaged()).toEqual([...descending].sort((a, b) => a - b));

  await page.screenshot({ path: `test-results/screenshots/report-supplier-performance-${testInfo.project.name}.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^supplier-performance-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(HEADER);
  expect(lines.some((line) => line.startsWith(`${supplier},`))).toBe(true);
});

test("a manager reads the movement journal filtered by item and kind, downloads it as XLSX, and sees stock on hand", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await signIn(page, "manager@example.com");
  const bin = ((await (await page.request.get(`/api/v1/stock?sku=${SKU}&site=WH1`)).json()).data as { location: string }[]).find(
    (level) => !level.location.endsWith("-TRANSIT"),
  )!.location;
  const reference = `E2E-${testInfo.project.name}-${Date.now()}`;
  const posted = await page.request.post("/api/v1/movements", {
    data: { kind: "receive", sku: SKU, quantity: 2, to: bin, reason: "received", reference },
  });
  expect(posted.status(), await posted.text()).toBe(201);

  await page.goto("/reports");
  await page.getByRole("link", { name: /Movement journal/ }).click();
  await expect(page).toHaveURL(/\/reports\/movements$/);
  await page.getByLabel("Site").selectOption("WH1");
  await page.getByLabel("SKU").fill(SKU);
  await page.getByLabel("Kind").selectOption("receive");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/kind=receive/);
  const row = page.getByTestId("report-table").getByRole("row").filter({ hasText: reference });
  await expect(row).toBeVisible();
  await expect(row).toContainText(bin);
  await page.screenshot({ path: `test-results/screenshots/report-movements-${testInfo.project.name}.png`, fullPage: true });

  const xlsx = page.getByTestId("report-export-xlsx");
  await expect(xlsx).toHaveAttribute("href", /format=xlsx/);
  await expect(xlsx).toHaveAttribute("href", /kind=receive/);
  const [download] = await Promise.all([page.waitForEvent("download"), xlsx.click()]);
  expect(download.suggestedFilename()).toMatch(/^movements-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // An XLSX is a zip: it starts with "PK".
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");

  // Stock on hand is today's: its form has no dates, and it offers a row per location.
  await page.goto("/reports/stock-on-hand?site=WH1&by=location");
  await expect(page.getByLabel("From")).toHaveCount(0);
  await expect(page.getByLabel("One row per")).toHaveValue("location");
  await expect(page.getByTestId("report-table").getByRole("row").filter({ hasText: SKU }).filter({ hasText: bin })).toBeVisible();
});

test("a manager values the stock as of today, sees value by category, and downloads the valuation as CSV", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await signIn(page, "manager@example.com");
  const bin = ((await (await page.request.get(`/api/v1/stock?sku=${SKU}&site=WH1`)).json()).data as { location: string }[]).find(
    (level) => !level.location.endsWith("-TRANSIT"),
  )!.location;
  // A receipt with a cost: the item has a value at WH1 whatever the demo data held.
  const posted = await page.request.post("/api/v1/movements", {
    data: { kind: "receive", sku: SKU, quantity: 3, to: bin, reason: "received", unitCost: "2.50", reference: `E2E-VAL-${testInfo.project.name}` },
  });
  expect(posted.status(), await posted.text()).toBe(201);

  await page.goto("/reports");
  await page.getByRole("link", { name: /Inventory valuation/ }).click();
  await expect(page).toHaveURL(/\/reports\/valuation$/);
  await page.getByLabel("Site").selectOption("WH1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/site=WH1/);
  await expect(page.getByTestId("report-table").getByRole("row").filter({ hasText: SKU })).toBeVisible();
  await expect(page.getByTestId("valuation-chart").getByRole("img", { name: /^Value by category: / })).toBeVisible();
  await expect(page.getByTestId("report-count")).toContainText(/as of the end of \d{4}-\d{2}-\d{2}/);
  // The day is a date picker holding the day valued (today when left out).
  const asOf = page.getByLabel("Value as of");
  await expect(asOf).toHaveAttribute("type", "date");
  await expect(asOf).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.screenshot({ path: `test-results/screenshots/report-valuation-${testInfo.project.name}.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^valuation-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe("sku,name,category,site,method,quantity,unitValue,value");
  // The file's row for the item says what GET /api/v1/valuation says for it, to the last decimal.
  const api = (await (await page.request.get(`/api/v1/valuation?site=WH1&sku=${SKU}`)).json()) as { data: { quantity: number; value: string }[] };
  const line = lines.find((l) => l.startsWith(`${SKU},`));
  expect(line).toBeDefined();
  const cells = line!.split(",");
  expect([Number(cells.at(-3)), cells.at(-1)]).toEqual([api.data[0].quantity, api.data[0].value]);
  expect(lines.length).toBeGreaterThan(1);

  // A day that does not exist (a bookmark, a browser without the picker) is refused on the field, not run.
  await page.goto("/reports/valuation?site=WH1&asOf=2026-02-30");
  await expect(page.getByLabel("Value as of")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("These filters cannot be used")).toBeVisible();
});

test("a manager runs the movement journal in the background, watches its progress and downloads it; the PDF link prints", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await signIn(page, "manager@example.com");
  await page.goto(`/reports/movements?site=WH1&sku=${SKU}`);
  const pdf = page.getByTestId("report-export-pdf");
  await expect(pdf).toHaveAttribute("href", /format=pdf/);
  const printed = await page.request.get((await pdf.getAttribute("href"))!);
  expect(printed.headers()["content-type"]).toBe("application/pdf");
  expect((await printed.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  await page.getByTestId("report-background-format").selectOption("csv");
  await page.getByTestId("report-run-background").click();
  const run = page.getByTestId("report-run");
  await expect(run.getByRole("progressbar")).toBeVisible();
  const link = page.getByTestId("report-run-download");
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(run).toHaveAttribute("data-status", "done");
  await expect(run.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await page.screenshot({ path: `test-results/screenshots/report-background-run-${testInfo.project.name}.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^movements-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe("id,at,occurredAt,kind,sku,name,quantity,from,to,lot,reason,reference,actor,value");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.split(",")[4] === SKU)).toBe(true);

  // E-mailing it on a schedule is offered to a manager; this server has no mail, and the section says so.
  await page.getByText("E-mail this report regularly").click();
  await expect(page.getByTestId("report-schedules")).toContainText("Mail is not set up");
});

test("a manager reads the ABC × XYZ report's grid: items and their share of value per class", async ({ page }, testInfo) => {
  await signIn(page, "manager@example.com");
  await page.goto("/reports/abc-xyz?site=WH1");
  const grid = page.getByTestId("abc-xyz-matrix");
  await expect(grid.getByRole("columnheader")).toHaveText(["ABC class", "X steady", "Y variable", "Z erratic"]);
  await expect(grid.getByRole("rowheader")).toHaveText(["A most value", "B middle", "C least value"]);
  // Nine cells whose items add up to the report's rows, and whose shares to about 100 %.
  const cells = await grid.getByRole("cell").allInnerTexts();
  expect(cells).toHaveLength(9);
  const count = Number((await page.getByTestId("report-count").innerText()).match(/^([\d,]+) rows?/)![1].replace(/,/g, ""));
  expect(cells.reduce((sum, text) => sum + Number(text.match(/^\d+/)![0]), 0)).toBe(count);
  const shares = cells.reduce((sum, text) => sum + Number(text.match(/([\d.]+)%/)![1]), 0);
  expect(Math.abs(shares - 100)).toBeLessThan(1);
  await grid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screenshots/report-abc-xyz-${testInfo.project.name}.png` });
});
