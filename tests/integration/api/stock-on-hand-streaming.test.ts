// Stock on hand of more than 10,000 rows through GET /api/v1/reports/stock-on-hand: the CSV arrives complete and in
// the report's order (SKU, site, location) a batch per chunk, JSON pages with a cursor from the first row to the
// last without losing or repeating one, and every number is the one the stock was made with.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as reportRoute from "../../../app/api/v1/reports/[name]/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { Prisma } from "../../../lib/db/generated/client";
import { runReport } from "../../../lib/reports/run-report";
import { stockOnHandReport } from "../../../lib/reports/stock-on-hand";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();
const ITEMS = 6_000;

type Expected = { sku: string; site: string; location: string | null; onHand: number; reserved: number; available: number; value: string | null };

let key: string;
let bySite: Expected[];
let byLocation: Expected[];

const sku = (prefix: string, g: number) => `${prefix}-S${String(g).padStart(5, "0")}`;

/**
 * 6,000 items and their levels made by INSERT … SELECT (through the ledger it would take many minutes), at two
 * sites: item g holds g % 50 + 2 in the first site's A1 with g % 3 of them reserved, 2 more in A2 when g is
 * even, and g % 7 in the other site's A1 (none when g is a multiple of 7: no row there). The first site values
 * item g at g / 2. By site that is 6,000 + 5,143 rows, by location 6,000 + 3,000 + 5,143.
 */
beforeAll(async () => {
  const w = await buildWarehouse(db);
  const other = await buildWarehouse(db);
  const prefix = `${w.site.code}X`;
  await db.$executeRaw`
    INSERT INTO "Item" (id, sku, "skuKey", name, unit, "updatedAt")
    SELECT gen_random_uuid(), ${prefix} || '-S' || lpad(g::text, 5, '0'), lower(${prefix} || '-S' || lpad(g::text, 5, '0')), 'Bulk ' || g, 'ea', now()
    FROM generate_series(1, ${ITEMS}) AS g`;
  const items = numberedItems(prefix);
  await db.$executeRaw`
    INSERT INTO "StockLevel" (id, "itemId", "locationId", "onHand", reserved)
    SELECT gen_random_uuid(), i.id, ${w.bins.a1.id}::uuid, i.g % 50 + 2, i.g % 3 FROM (${items}) i
    UNION ALL
    SELECT gen_random_uuid(), i.id, ${w.bins.a2.id}::uuid, 2, 0 FROM (${items}) i WHERE i.g % 2 = 0
    UNION ALL
    SELECT gen_random_uuid(), i.id, ${other.bins.a1.id}::uuid, i.g % 7, 0 FROM (${items}) i`;
  await db.$executeRaw`
    INSERT INTO "CostState" ("itemId", "siteId", method, quantity, value)
    SELECT i.id, ${w.site.id}::uuid, 'average', i.g % 50 + 2 + CASE WHEN i.g % 2 = 0 THEN 2 ELSE 0 END, i.g / 2.0 FROM (${items}) i`;

  bySite = [];
  byLocation = [];
  for (let g = 1; g <= ITEMS; g++) {
    const [a1, reserved, a2, elsewhere] = [(g % 50) + 2, g % 3, g % 2 === 0 ? 2 : 0, g % 7];
    const row = (site: string, location: string | null, onHand: number, held: number, available: number, value: string | null) => ({
      sku: sku(prefix, g),
      site,
      location,
      onHand,
      reserved: held,
      available,
      value,
    });
    bySite.push(row(w.site.code, null, a1 + a2, reserved, a1 - reserved + a2, (g / 2).toFixed(4)));
    byLocation.push(row(w.site.code, w.bins.a1.code, a1, reserved, a1 - reserved, null));
    if (a2) byLocation.push(row(w.site.code, w.bins.a2.code, a2, 0, a2, null));
    if (elsewhere) {
      bySite.push(row(other.site.code, null, elsewhere, 0, elsewhere, "0.0000"));
      byLocation.push(row(other.site.code, other.bins.a1.code, elsewhere, 0, elsewhere, null));
    }
  }
  expect(bySite.length).toBe(11_143);
  expect(byLocation.length).toBe(14_143);
  key = (await buildApiKey(db, "manager")).key;
}, 120_000);

/** The test's items with their number g, as a subquery. */
function numberedItems(prefix: string) {
  return Prisma.sql`SELECT id, substring(sku FROM ${prefix.length + 3}::int)::int AS g FROM "Item" WHERE sku LIKE ${`${prefix}-S%`}`;
}

/** What the report answers of each row, numbers as the CSV spells them or as JSON keeps them. */
const asText = (rows: Expected[]) =>
  rows.map((r) => ({
    ...r,
    location: r.location ?? "",
    value: r.value ?? "",
    onHand: String(r.onHand),
    reserved: String(r.reserved),
    available: String(r.available),
  }));
const compared = ({ sku, site, location, onHand, reserved, available, value }: Record<string, unknown>) => ({
  sku,
  site,
  location,
  onHand,
  reserved,
  available,
  value,
});

async function download(query: string) {
  const path = `/api/v1/reports/stock-on-hand?format=csv${query}`;
  const response = await reportRoute.GET(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ name: "stock-on-hand" }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return { chunks: chunks.length, records: parse(text, { columns: true }) as Record<string, string>[] };
}

const call = (query: string) =>
  callRoute(reportRoute.GET, { path: `/api/v1/reports/stock-on-hand?format=json${query}`, key, params: { name: "stock-on-hand" } });

/** Every page of the JSON answer, following `next` to the end. */
async function everyPage(query: string) {
  const pages: Record<string, unknown>[][] = [];
  let cursor: string | null = null;
  do {
    const answer = await call(`${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(answer.status).toBe(200);
    pages.push(answer.json.data);
    cursor = answer.json.next;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

describe("GET /api/v1/reports/stock-on-hand over 10,000 rows", () => {
  it("streams the CSV by site complete and in order, a batch of 2,000 per chunk", async () => {
    const { chunks, records } = await download("");
    expect(chunks).toBe(1 + Math.ceil(bySite.length / 2_000));
    expect(records.map(compared)).toEqual(asText(bySite));
  });

  it("streams the CSV by location complete and in order", async () => {
    const { chunks, records } = await download("&by=location");
    expect(chunks).toBe(1 + Math.ceil(byLocation.length / 2_000));
    expect(records.map(compared)).toEqual(asText(byLocation));
  });

  it("answers JSON 1,000 rows a page, every row once and in order, the numbers those of the run in one piece", async () => {
    const pages = await everyPage("");
    expect(pages.map((p) => p.length)).toEqual([...Array(11).fill(1_000), 143]);
    expect(pages.flat().map(compared)).toEqual(bySite);
    // The report gathered whole in the process (as a background run or the PDF reads it) answers the same.
    const { rows } = await stockOnHandReport.run(db, SYSTEM_ACTOR, { from: "2026-01-01", to: "2026-01-01", by: "site" }, "all");
    expect(rows.map(compared)).toEqual(bySite);
    const totals = (rows: Record<string, unknown>[]) => rows.reduce((sum, r) => sum + Number(r.onHand), 0);
    expect(totals(pages.flat())).toBe(totals(bySite));
  });

  it("pages by location with a cursor that resumes mid-item, and refuses a cursor it cannot read", async () => {
    const pages = await everyPage("&by=location&limit=4999");
    expect(pages.map((p) => p.length)).toEqual([4_999, 4_999, 4_145]);
    expect(pages.flat().map(compared)).toEqual(byLocation);

    const first = await runReport(db, SYSTEM_ACTOR, "stock-on-hand", { by: "location" }, { limit: 1 });
    expect(first.data.map(compared)).toEqual([byLocation[0]]);
    // A by-site cursor on a by-location page, and text that is no cursor at all, are 422 on `cursor`.
    const siteCursor = (await call("&limit=1")).json.next as string;
    for (const cursor of [siteCursor, "abc", "W10"]) {
      const refused = await call(`&by=location&cursor=${cursor}`);
      expect(refused.status).toBe(422);
      expect(refused.json.errors).toEqual([expect.objectContaining({ field: "cursor" })]);
    }
    expect((await call(`&by=location&cursor=${first.next}&limit=2`)).json.data.map(compared)).toEqual(byLocation.slice(1, 3));
  });
});
