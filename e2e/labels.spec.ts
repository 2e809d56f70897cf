import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { signIn } from "./sign-in";

test("a manager prints the bin labels of an aisle and the labels of items chosen in the table", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "printing is a desk task; the phone has the same buttons");
  await signIn(page, "manager@example.com");

  await page.goto("/locations/WH1-A01");
  const href = await page.getByTestId("print-bin-labels").getAttribute("href");
  const sheet = await page.request.get(href!);
  expect(sheet.headers()["content-type"]).toBe("application/pdf");
  const aisle = await PDFDocument.load(await sheet.body());
  expect(aisle.getPageCount()).toBe(1); // the aisle's 20 bins fit one A4 sheet of 24 labels

  // The selection is kept across searches and pages.
  await page.goto("/items");
  for (const sku of ["EL-BAT-0001", "HT-SCR-0001"]) {
    await page.getByLabel("Search items", { exact: true }).fill(sku);
    await page.getByLabel("Search items", { exact: true }).press("Enter");
    await page.getByLabel(`Select ${sku}`).filter({ visible: true }).check();
  }
  await expect(page.getByTestId("print-labels")).toHaveText("Print labels (2)");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("print-labels").click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const items = await PDFDocument.load(readFileSync((await download.path())!));
  expect(items.getPageCount()).toBe(1);
});
