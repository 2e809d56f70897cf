// Many writers at once against real PostgreSQL: the ledger neither oversells nor loses or creates units.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "./post-movement";
import { reverseMovement } from "./reverse-movement";

const db = getDb();

describe("postMovement under concurrency", () => {
  it("lets exactly 100 of 200 concurrent one-unit issues take the last 100 units", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 100, to: w.bins.a1.code, reason: "received" });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, () => postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity: 1, from: w.bins.a1.code, reason: "sold" })),
    );
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(100);
    expect(refused).toHaveLength(100);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "insufficient_stock" });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id, kind: "issue" } })).toBe(100);
  });

  it("never loses or creates units when moves run both ways between two bins", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 50, to: w.bins.a1.code, reason: "received" });
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 50, to: w.bins.a2.code, reason: "received" });
    const moves = Array.from({ length: 120 }, (_, i) => {
      const [from, to] = i % 2 === 0 ? [w.bins.a1.code, w.bins.a2.code] : [w.bins.a2.code, w.bins.a1.code];
      return postMovement(db, SYSTEM_ACTOR, { kind: "move", sku, quantity: 1 + (i % 7), from, to, reason: "putaway" });
    });
    const outcomes = await Promise.allSettled(moves);
    // Only shortages may refuse a move; a deadlock or any other error would show here.
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "insufficient_stock" });
    const [a, b] = [await onHand(db, w.items.plain.id, w.bins.a1.id), await onHand(db, w.items.plain.id, w.bins.a2.id)];
    expect(a + b).toBe(100);
    expect(Math.min(a, b)).toBeGreaterThanOrEqual(0);
  });
});

describe("the ledger as a whole (property)", () => {
  it("keeps every level equal to the sum of its movements, none negative, and reversals restore", async () => {
    const w = await buildWarehouse(db);
    const bins = [w.bins.a1, w.bins.a2];
    const sku = w.items.plain.sku;
    const step = fc.oneof(
      fc.record({ kind: fc.constant("receive" as const), quantity: fc.integer({ min: 1, max: 20 }), bin: fc.nat(1) }),
      fc.record({ kind: fc.constant("issue" as const), quantity: fc.integer({ min: 1, max: 20 }), bin: fc.nat(1) }),
      fc.record({ kind: fc.constant("move" as const), quantity: fc.integer({ min: 1, max: 20 }), bin: fc.nat(1) }),
      fc.record({ kind: fc.constant("reverseLast" as const), quantity: fc.constant(0), bin: fc.constant(0) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const posted: string[] = [];
        for (const s of steps) {
          const levelsBefore = await Promise.all(bins.map((b) => onHand(db, w.items.plain.id, b.id)));
          try {
            if (s.kind === "reverseLast") {
              const last = posted.pop();
              if (!last) continue;
              await reverseMovement(db, SYSTEM_ACTOR, last.split(":")[0]);
              const restored = await Promise.all(bins.map((b) => onHand(db, w.items.plain.id, b.id)));
              expect(restored).toEqual(JSON.parse(last.split(":")[1]));
              continue;
            }
            const [from, to] = [bins[s.bin].code, bins[1 - s.bin].code];
            const input = s.kind === "receive" ? { to: from } : s.kind === "issue" ? { from } : { from, to };
            const result = await postMovement(db, SYSTEM_ACTOR, { kind: s.kind, sku, quantity: s.quantity, reason: "other", ...input });
            posted.push(`${result.movement!.id}:${JSON.stringify(levelsBefore)}`);
          } catch (error) {
            expect(error).toMatchObject({ code: expect.stringMatching(/insufficient_stock|already_reversed/) });
          }
        }
        const mismatches = await db.$queryRaw<{ n: bigint }[]>`
          WITH ledger AS (
            SELECT "locationId", SUM(delta)::int AS total FROM (
              SELECT "toLocationId" AS "locationId", quantity AS delta FROM "StockMovement" WHERE "itemId" = ${w.items.plain.id}::uuid
              UNION ALL SELECT "fromLocationId", -quantity FROM "StockMovement" WHERE "itemId" = ${w.items.plain.id}::uuid) d
            JOIN "Location" l ON l.id = d."locationId" AND stockroom_keeps_levels(l.type)
            GROUP BY 1)
          SELECT count(*) AS n FROM ledger FULL JOIN "StockLevel" s ON s."locationId" = ledger."locationId" AND s."itemId" = ${w.items.plain.id}::uuid
          WHERE s."onHand" IS DISTINCT FROM ledger.total AND (s."itemId" = ${w.items.plain.id}::uuid OR s.id IS NULL)`;
        expect(Number(mismatches[0].n)).toBe(0);
        expect(await db.stockLevel.count({ where: { itemId: w.items.plain.id, onHand: { lt: 0 } } })).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
