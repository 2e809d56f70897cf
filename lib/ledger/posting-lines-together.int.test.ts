// Large postings of plain lines are posted set-based (migration *_posting_lines_together); everything else
// line by line. The two ways must not be told apart: same ledger rows, same levels, same answer, and the same
// line refused for the same reason. Also: large postings racing on the same levels neither oversell nor lose
// units.
import fc from "fast-check";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb, poolOf } from "../db/client";
import { postMovement, postMovements } from "./post-movement";

const db = getDb();
const pool = poolOf(db)!;

/** What the caller may leave out; without it a line goes the line-by-line way. */
const CALLER_FACTS = ["sku", "fromCode", "toCode", "fromKeepsLevels", "toKeepsLevels", "toIsVirtual"] as const;

type Outcome =
  | { ok: true; answer: { postingId: string; movements: Record<string, unknown>[]; levels: unknown[] }; ledger: unknown[]; levels: unknown[] }
  | { ok: false; code: string; detail: unknown };

/** Posts inside a transaction that is rolled back, and reports the answer and what the database then held. */
async function postAndRollBack(client: pg.PoolClient, posting: object, siteId: string): Promise<Outcome> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query("SELECT stockroom_post_posting($1::jsonb) AS result", [JSON.stringify(posting)]);
    const answer = rows[0].result.answer;
    // Every movement is stamped with the transaction's time; the two runs differ in it, so it is checked here.
    const stamped = await client.query(`SELECT to_char(now()::timestamp(3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`);
    for (const m of answer.movements) expect(m.at).toBe(stamped.rows[0].at);
    const ledger = await client.query(
      `SELECT id::text AS movement, kind, "itemId", quantity, "fromLocationId", "toLocationId", "lotId", "unitCost"::text, "reasonCode", reference
         FROM "StockMovement" WHERE "postingId" = $1 ORDER BY id`,
      [answer.postingId],
    );
    const levels = await client.query(
      `SELECT l."itemId", l."locationId", l."lotId", l."onHand", l.reserved FROM "StockLevel" l JOIN "Location" loc ON loc.id = l."locationId"
        WHERE loc."siteId" = $1 ORDER BY 1, 2, 3`,
      [siteId],
    );
    // Ledger ids differ between the two runs (a sequence is not rolled back): compare them by rank.
    const rank = new Map<string, number>(ledger.rows.map((m, index) => [m.movement, index]));
    const ranked = (id: string) => rank.get(id) ?? `unknown ${id}`;
    return {
      ok: true,
      answer: {
        ...answer,
        movements: answer.movements.map((m: { id: string }) => ({ ...m, id: ranked(m.id), at: "posting time", occurredAt: "posting time" })),
      },
      ledger: ledger.rows.map((m) => ({ ...m, movement: ranked(m.movement) })),
      levels: levels.rows,
    };
  } catch (error) {
    const cause = error as { code?: string; detail?: string };
    if (typeof cause.code !== "string") throw error; // a failed expectation, not the database refusing
    return { ok: false, code: cause.code, detail: cause.detail ? JSON.parse(cause.detail) : null };
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("a large posting, set-based or line by line", () => {
  it("leaves the same ledger, levels and answer, and refuses the same line, either way", async () => {
    const w = await buildWarehouse(db);
    const receive = (sku: string, quantity: number, to: string, lot?: string) =>
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received", ...(lot ? { lot, expiresAt: "2027-06-30" } : {}) });
    await receive(w.items.plain.sku, 150, w.bins.a1.code);
    await receive(w.items.plain.sku, 60, w.bins.a2.code);
    await receive(w.items.lotted.sku, 90, w.bins.a1.code, "L-ONE");
    await receive(w.items.lotted.sku, 90, w.bins.a2.code, "L-ONE");
    await receive(w.items.lotted.sku, 12, w.bins.a2.code, "L-TWO");
    const lots = await db.lot.findMany({ where: { itemId: w.items.lotted.id }, orderBy: { number: "asc" } });
    const virtual = await db.location.findMany({ where: { siteId: w.site.id, type: { in: ["supplier", "customer", "scrap"] } } });
    const ofType = (type: string) => virtual.find((l) => l.type === type)!;
    const bins = [w.bins.a1, w.bins.a2];
    // A reservation makes "available" differ from "on hand" on one level.
    await db.stockLevel.updateMany({ where: { itemId: w.items.plain.id, locationId: w.bins.a2.id }, data: { reserved: 2 } });

    const line = fc.record({
      kind: fc.constantFrom("receive", "receive", "issue", "move", "move", "scrap"),
      lotted: fc.boolean(),
      // Lot L-TWO is only in A2, and little of it: lines taking it elsewhere or too much of it are refused.
      lot: fc.constantFrom(0, 0, 0, 1),
      bin: fc.nat(1),
      quantity: fc.integer({ min: 1, max: 9 }),
      unitCost: fc.option(fc.constantFrom("1.5", "0.125", "12"), { nil: undefined }),
      reference: fc.option(fc.constantFrom("SO-1", "PO-2"), { nil: undefined }),
    });
    type DrawnLine = typeof line extends fc.Arbitrary<infer T> ? T : never;
    const toPostingLine = (l: DrawnLine) => {
      const item = l.lotted ? w.items.lotted : w.items.plain;
      const [bin, other] = [bins[l.bin], bins[1 - l.bin]];
      const [from, to] =
        l.kind === "receive"
          ? [ofType("supplier"), bin]
          : l.kind === "issue"
            ? [bin, ofType("customer")]
            : l.kind === "scrap"
              ? [bin, ofType("scrap")]
              : [bin, other];
      return {
        kind: l.kind,
        itemId: item.id,
        quantity: l.quantity,
        fromLocationId: from.id,
        toLocationId: to.id,
        lotId: l.lotted ? lots[l.lot].id : null,
        reasonCode: l.kind === "receive" ? "received" : l.kind === "issue" ? "sold" : l.kind === "scrap" ? "scrapped" : "putaway",
        unitCost: l.unitCost ?? null,
        reference: l.reference ?? null,
        sku: item.sku,
        fromCode: from.code,
        toCode: to.code,
        fromKeepsLevels: from.type === "bin",
        toKeepsLevels: to.type === "bin",
        toIsVirtual: to.isVirtual,
      };
    };

    const seen = { posted: 0, refused: 0 };
    const client = await pool.connect();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(line, { minLength: 8, maxLength: 24 }), async (drawn) => {
          const lines = drawn.map(toPostingLine);
          const posting = {
            postingId: crypto.randomUUID(),
            action: "stock.batch",
            siteId: w.site.id,
            actor: { type: "system", label: "system" },
            idempotency: null,
            lines,
          };
          const lineByLine = {
            ...posting,
            lines: lines.map((l) => Object.fromEntries(Object.entries(l).filter(([k]) => !(CALLER_FACTS as readonly string[]).includes(k)))),
          };
          const { rows } = await client.query(
            "SELECT stockroom_posts_lines_together($1::jsonb) AS a, stockroom_posts_lines_together($2::jsonb) AS b",
            [JSON.stringify(posting), JSON.stringify(lineByLine)],
          );
          expect(rows[0]).toEqual({ a: true, b: false });

          const together = await postAndRollBack(client, posting, w.site.id);
          const oneByOne = await postAndRollBack(client, lineByLine, w.site.id);
          expect(together).toEqual(oneByOne);
          if (together.ok) seen.posted++;
          else {
            expect(together.code).toBe("SR409");
            seen.refused++;
          }
        }),
        { numRuns: 120, seed: 20261127 },
      );
    } finally {
      client.release();
    }
    // Both outcomes were compared, not just one of them.
    expect(seen.posted).toBeGreaterThan(30);
    expect(seen.refused).toBeGreaterThan(30);
  });
});

describe("large postings under concurrency", () => {
  it("lets exactly 20 of 40 concurrent ten-line batches take the last 200 units", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 200, to: w.bins.a1.code, reason: "received" });
    const batch = Array.from({ length: 10 }, () => ({ kind: "issue" as const, sku, quantity: 1, from: w.bins.a1.code, reason: "sold" }));
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => postMovements(db, SYSTEM_ACTOR, batch)));
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(20);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "insufficient_stock", details: { index: 0, available: 0 } });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id, kind: "issue" } })).toBe(200);
  });

  it("never loses or creates units when large batches move stock both ways between bins", async () => {
    const w = await buildWarehouse(db);
    const other = await db.item.create({ data: { sku: `${w.site.code}-OTHER`, skuKey: `${w.site.code}-other`.toLowerCase(), name: "Other item" } });
    const items = [w.items.plain, other];
    for (const item of items) {
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity: 100, to: w.bins.a1.code, reason: "received" });
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity: 100, to: w.bins.a2.code, reason: "received" });
    }
    // Each batch moves both items, one one way and the other the other way.
    const batches = Array.from({ length: 30 }, (_, i) => {
      const [there, back] = i % 2 === 0 ? [w.bins.a1.code, w.bins.a2.code] : [w.bins.a2.code, w.bins.a1.code];
      return Array.from({ length: 8 }, (_, j) => ({
        kind: "move" as const,
        sku: items[j % 2].sku,
        quantity: 1 + ((i + j) % 5),
        from: j % 2 === 0 ? there : back,
        to: j % 2 === 0 ? back : there,
        reason: "putaway",
      }));
    });
    const outcomes = await Promise.allSettled(batches.map((batch) => postMovements(db, SYSTEM_ACTOR, batch)));
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "insufficient_stock" });
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThan(0);
    for (const item of items) {
      const [a, b] = [await onHand(db, item.id, w.bins.a1.id), await onHand(db, item.id, w.bins.a2.id)];
      expect(a + b).toBe(200);
      expect(Math.min(a, b)).toBeGreaterThanOrEqual(0);
    }
  });
});
