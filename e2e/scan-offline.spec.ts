import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SKU = "EL-BAT-0001"; // lot-tracked, stocked at WH1 by the demo seed

async function typeScan(page: Page, code: string) {
  await page.getByLabel("Type a code").fill(code);
  await page.getByRole("button", { name: "Enter", exact: true }).click();
}

async function hasSnapshot(page: Page, site: string) {
  return page.evaluate(
    (siteCode) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("stockroom-scan");
        // Not created yet by the app: do not create it here (an empty database would lack the app's stores).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains("snapshots")) return resolve(false);
          const get = open.result.transaction("snapshots").objectStore("snapshots").get(siteCode);
          get.onsuccess = () => {
            resolve(Boolean(get.result));
            open.result.close();
          };
          get.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    site,
  );
}

test("in a Wi-Fi hole a clerk receives and moves by scanning; both post exactly once when the network returns", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the offline journey runs once, on the phone");
  test.setTimeout(90_000);
  const lot = `OFF${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const bin = "WH1-B02-03";
  await signIn(page, "clerk@example.com");
  const item = await (await page.request.get(`/api/v1/items/${SKU}`)).json();
  const gtin = item.barcodes.find((b: { kind: string }) => b.kind === "gtin").code as string;
  const [seeded] = (await (await page.request.get(`/api/v1/stock?sku=${SKU}&site=WH1`)).json()).data as { location: string; lot: string }[];

  // Online first: the service worker takes control and the site's copy is synced to the device.
  await page.goto("/scan#receive");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect.poll(() => hasSnapshot(page, "WH1")).toBe(true);

  // The network drops (for the service worker's own requests too: the route refuses whatever it lets through).
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await page.getByRole("button", { name: "Hide camera" }).click();

  // Receive: the GS1 scan is read on the device against its copy of the catalogue.
  await typeScan(page, `(01)${gtin}(17)301231(10)${lot}`);
  await expect(page.getByLabel("Lot")).toHaveValue(lot);
  await typeScan(page, bin);
  await page.getByRole("button", { name: "Confirm receipt" }).click();
  await expect(page.getByTestId("write-outcome")).toHaveAttribute("data-status", "queued");

  // Move one unit of a seeded lot into the same bin: the source's contents come from the synced copy.
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await page.getByRole("button", { name: "Hide camera" }).click();
  await typeScan(page, seeded.location);
  await typeScan(page, `(01)${gtin}(10)${seeded.lot}`);
  await typeScan(page, bin);
  await page.getByRole("button", { name: "Confirm move" }).click();
  await expect(page.getByTestId("write-outcome")).toHaveAttribute("data-status", "queued");
  await expect(page.getByTestId("queue-status")).toContainText("2 waiting to post");
  await page.screenshot({ path: "test-results/screenshots/scan-offline-queued.png", fullPage: true });

  // Back online, but the answer to the first post is lost on the way: the device must retry, and the
  // idempotency key must make the retry land once.
  await context.unrouteAll();
  let answersLost = 0;
  await page.route("**/api/v1/movements", async (route) => {
    if (answersLost === 0) {
      answersLost++;
      await route.fetch(); // reaches the server and posts
      return route.abort("internetdisconnected"); // the phone never hears back
    }
    return route.continue();
  });
  await context.setOffline(false);
  await expect(page.getByTestId("queue-status")).toBeHidden({ timeout: 30_000 });
  expect(answersLost).toBe(1);

  const movements = (await (await page.request.get(`/api/v1/movements?location=${bin}&sku=${SKU}`)).json()).data as {
    kind: string;
    lot: string;
    from: string;
    to: string;
  }[];
  expect(movements.filter((m) => m.kind === "receive" && m.lot === lot && m.to === bin)).toHaveLength(1);
  expect(movements.filter((m) => m.kind === "move" && m.lot === seeded.lot && m.from === seeded.location && m.to === bin)).toHaveLength(1);
  const levels = (await (await page.request.get(`/api/v1/stock?location=${bin}`)).json()).data as { lot: string; onHand: number }[];
  expect(levels.find((l) => l.lot === lot)?.onHand).toBe(1);
  expect(levels.find((l) => l.lot === seeded.lot)?.onHand).toBe(1);
});
