import { relayAll as relayEverything } from "../../factories/events";
import { describe, expect, it } from "vitest";
import * as feedRoute from "../../../app/api/v1/events/route";
import * as schemaRoute from "../../../app/api/events/schema.json/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();

const relayAll = () => relayEverything(db);

async function receive(w: Awaited<ReturnType<typeof buildWarehouse>>, quantity: number) {
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity, to: w.bins.a1.code, reason: "received" });
}

type Page = { data: { id: string; type: string; subject: string; sequence: number; site: string; data: { onHand: number } }[]; next: string };

async function poll(key: string, query: string): Promise<{ status: number; json: Page }> {
  return callRoute(feedRoute.GET, { path: `/api/v1/events?${query}`, key });
}

/** The cursor after everything the feed holds now. */
async function endOfFeed(key: string) {
  let cursor = "0";
  for (;;) {
    const page = (await poll(key, `after=${cursor}&limit=1000`)).json;
    if (page.data.length === 0) return cursor;
    cursor = page.next;
  }
}

describe("GET /api/v1/events (the poll feed)", () => {
  it("answers events after a cursor, oldest first, and the cursor to ask with next", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer", [w.site.code]);
    await relayAll();
    const cursor = await endOfFeed(key);

    await receive(w, 3);
    await receive(w, 4);
    await relayAll();
    const first = await poll(key, `after=${cursor}&types=stock.changed&limit=1`);
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(1);
    expect(first.json.data[0]).toMatchObject({
      type: "stock.changed",
      subject: `stock:${w.items.plain.sku}`,
      sequence: 1,
      site: w.site.code,
      data: { onHand: 3 },
    });
    const second = await poll(key, `after=${first.json.next}&types=stock.changed`);
    expect(second.json.data.map((e) => [e.sequence, e.data.onHand])).toEqual([[2, 7]]);
    const idle = await poll(key, `after=${second.json.next}&types=stock.changed`);
    expect(idle.json).toEqual({ data: [], next: second.json.next });
  });

  it("shows a key only its own sites' events", async () => {
    const mine = await buildWarehouse(db);
    const theirs = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer", [mine.site.code]);
    await receive(mine, 1);
    await receive(theirs, 1);
    await relayAll();
    const sites = new Set<string>();
    let cursor = "0";
    for (;;) {
      const page = (await poll(key, `after=${cursor}&types=stock.changed&limit=1000`)).json;
      if (page.data.length === 0) break;
      page.data.forEach((e) => sites.add(e.site));
      cursor = page.next;
    }
    expect(sites.has(mine.site.code)).toBe(true);
    expect(sites.has(theirs.site.code)).toBe(false);
  });

  it("refuses an unknown type or a bad cursor with 422 naming the field, and anonymous callers with 401", async () => {
    const { key } = await buildApiKey(db, "viewer", []);
    const badType = await poll(key, "types=stock.changed,stock.teleported");
    expect(badType.status).toBe(422);
    expect(JSON.stringify(badType.json)).toContain("types");
    const badCursor = await poll(key, "after=yesterday");
    expect(badCursor.status).toBe(422);
    expect(JSON.stringify(badCursor.json)).toContain("after");
    expect((await callRoute(feedRoute.GET, { path: "/api/v1/events" })).status).toBe(401);
  });

  it("publishes the catalogue as JSON Schema, stock.changed with every field consumers need", async () => {
    const document = (await schemaRoute.GET().json()) as { types: Record<string, { data: { required?: string[]; properties?: object } }> };
    expect(document.types["stock.changed"].data.required).toEqual(
      expect.arrayContaining(["sku", "site", "location", "lot", "onHand", "reserved", "available", "movementId", "posting"]),
    );
    expect(Object.keys(document.types)).toEqual(
      expect.arrayContaining(["reservation.expired", "order.shipped", "transfer.received", "count.submitted"]),
    );
    expect(document.types["category.updated"].data.required).toEqual(
      expect.arrayContaining(["path", "costingMethod", "previousCostingMethod", "costingFrom", "itemsRevalued"]),
    );
    expect(document.types["settings.updated"].data.required).toEqual(expect.arrayContaining(["changed", "costingMethod", "currency"]));
    // Admin-only values are named in `changed`, never carried.
    expect(Object.keys(document.types["settings.updated"].data.properties ?? {})).not.toEqual(expect.arrayContaining(["allowPrivateUrls"]));
  });
});
