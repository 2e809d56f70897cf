// A movement journal of more than 10,000 rows through GET /api/v1/reports/movements: the CSV and the XLSX arrive
// complete and in the order recorded (here that of the ids), in many chunks (the handler streams batches, it does
// not build one string), and JSON answers a page of 1,000 with a cursor.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import * as reportRoute from "../../../app/api/v1/reports/[name]/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();
const MOVES = 10_500; // even: the unit ends where it started

let site: string;
let key: string;
let ids: string[];

/**
 * One unit received into A1 by the ledger, then moved A1 → A2 → A1 … by one INSERT … SELECT (posting 10,500
 * movements one by one would take minutes). Every move takes the unit from where the previous one left it,
 * and the count is even, so the levels (A1 1, A2 0) are still the sum of the movements.
 */
beforeAll(async () => {
  const w = await buildWarehouse(db);
  site = w.site.code;
  const sku = w.items.plain.sku;
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
  const [a1, a2] = [w.bins.a1.id, w.bins.a2.id];
  await db.$executeRaw`
    INSERT INTO "StockMovement" ("postingId", kind, "itemId", quantity, "fromLocationId", "toLocationId", "reasonCode", "actorLabel", at)
    SELECT gen_random_uuid(), 'move', ${w.items.plain.id}::uuid, 1,
           CASE WHEN g % 2 = 1 THEN ${a1}::uuid ELSE ${a2}::uuid END,
           CASE WHEN g % 2 = 1 THEN ${a2}::uuid ELSE ${a1}::uuid END,
           'putaway', 'system', now()
    FROM generate_series(1, ${MOVES}) AS g
    ORDER BY g`;
  const [balance] = await db.$queryRaw<{ a1: number; a2: number }[]>`
    SELECT COALESCE(SUM(CASE WHEN "toLocationId" = ${a1}::uuid THEN quantity WHEN "fromLocationId" = ${a1}::uuid THEN -quantity END), 0)::int AS a1,
           COALESCE(SUM(CASE WHEN "toLocationId" = ${a2}::uuid THEN quantity WHEN "fromLocationId" = ${a2}::uuid THEN -quantity END), 0)::int AS a2
    FROM "StockMovement" WHERE "itemId" = ${w.items.plain.id}::uuid`;
  const levels = await db.stockLevel.findMany({ where: { itemId: w.items.plain.id, locationId: { in: [a1, a2] } } });
  const level = (id: string) => levels.find((l) => l.locationId === id)?.onHand ?? 0;
  expect(balance).toEqual({ a1: level(a1), a2: level(a2) });
  expect(balance).toEqual({ a1: 1, a2: 0 });
  ids = (await db.stockMovement.findMany({ where: { itemId: w.items.plain.id }, orderBy: { id: "asc" }, select: { id: true } })).map((m) =>
    m.id.toString(),
  );
  expect(ids).toHaveLength(MOVES + 1);
  key = (await buildApiKey(db, "manager")).key;
}, 120_000);

/** The response body read chunk by chunk, as a slow client would. */
async function download(format: "csv" | "xlsx") {
  const path = `/api/v1/reports/movements?site=${site}&format=${format}`;
  const response = await reportRoute.GET(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ name: "movements" }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((offset, c) => (bytes.set(c, offset), offset + c.length), 0);
  return { chunks: chunks.length, bytes };
}

describe("GET /api/v1/reports/movements over 10,000 rows", () => {
  it("streams the CSV complete and in id order, a batch per chunk", async () => {
    const { chunks, bytes } = await download("csv");
    // A header chunk, then one chunk per batch of 2,000: 10,501 rows make six batches.
    expect(chunks).toBe(1 + Math.ceil((MOVES + 1) / 2_000));
    const records = parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records[0]).toMatchObject({ kind: "receive", quantity: "1" });
    expect(records.slice(1).every((r) => r.kind === "move" && r.quantity === "1")).toBe(true);
  });

  it("streams the XLSX complete and in id order", async () => {
    const { chunks, bytes } = await download("xlsx");
    expect(chunks).toBeGreaterThan(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const column = (sheet.getColumn(1).values as unknown[]).slice(2); // [unused index 0, header, …rows]
    expect(column).toEqual(ids);
  });

  it("answers JSON a page of 1,000 rows at a time with a cursor, up to 10,000 on asking", async () => {
    const call = (query: string) =>
      callRoute(reportRoute.GET, { path: `/api/v1/reports/movements?site=${site}${query}`, key, params: { name: "movements" } });
    const first = await call("");
    expect(first.status).toBe(200);
    expect(first.json.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 1_000));
    // The cursor is the row's place in the journal: when it was recorded (ms since 1970), then its id.
    const cursorOf = async (id: string) => {
      const [{ at }] = await db.$queryRaw<{ at: Date }[]>`SELECT at FROM "StockMovement" WHERE id = ${BigInt(id)}`;
      return `${at.getTime()}-${id}`;
    };
    expect(first.json.next).toBe(await cursorOf(ids[999]));
    const last = await call(`&cursor=${await cursorOf(ids[ids.length - 3])}&limit=10000`);
    expect(last.json.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(-2));
    expect(last.json.next).toBeNull();
    const tooMany = await call("&limit=10001");
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.errors).toEqual([expect.objectContaining({ field: "limit" })]);
  });
});
