// The ledger's valuation (SQL, lib/valuation/valuation-function.sql) against the pure engine (lib/valuation, its
// own unit and property tests) as the oracle: random dated receipts and issues of one item at one site, posted
// through the ledger, must cost what the engine says movement by movement, and the value as of every day must be
// the engine's state after that day's movements — the sum of its layers — for each costing method.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { fromTenThousandths } from "../money/fixed-point";
import { type CostingMethod, emptyCostState } from "./cost-state";
import { issue, receive } from "./movements";
import { valuationAsOf, valuationReconciliation } from "./valuation-reads";

const db = getDb();

type Step = { op: "receive"; quantity: number; cost: bigint; gap: number } | { op: "issue"; quantity: number; gap: number };

const steps = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constant("receive" as const),
      quantity: fc.integer({ min: 1, max: 30 }),
      cost: fc.bigInt(0n, 999_999n),
      gap: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({ op: fc.constant("issue" as const), quantity: fc.integer({ min: 1, max: 15 }), gap: fc.integer({ min: 0, max: 3 }) }),
  ),
  { minLength: 2, maxLength: 14 },
);

const dayOf = (offset: number) => new Date(Date.UTC(2026, 1, 1 + offset)).toISOString().slice(0, 10);

async function replay(method: CostingMethod, plan: Step[]) {
  const w = await buildWarehouse(db);
  const item = await db.item.update({
    where: { id: w.items.plain.id },
    data: { costingMethod: method, standardCost: method === "standard" ? "3.1416" : null },
  });
  let state = emptyCostState(method, method === "standard" ? "3.1416" : null);
  const valueAtEndOf = new Map<string, string>();
  let offset = 0;
  for (const step of plan) {
    offset += step.gap;
    const day = dayOf(offset);
    if (step.op === "issue" && step.quantity > state.quantity) continue;
    const posted =
      step.op === "receive"
        ? await postMovement(db, SYSTEM_ACTOR, {
            kind: "receive",
            sku: item.sku,
            quantity: step.quantity,
            to: w.bins.a1.code,
            unitCost: fromTenThousandths(step.cost),
            reason: "received",
            occurredAt: day,
          })
        : await postMovement(db, SYSTEM_ACTOR, {
            kind: "issue",
            sku: item.sku,
            quantity: step.quantity,
            from: w.bins.a1.code,
            reason: "sold",
            occurredAt: day,
          });
    const expected =
      step.op === "receive"
        ? receive(state, { layerId: posted.movement!.id, quantity: step.quantity, at: day, unitCost: fromTenThousandths(step.cost) })
        : issue(state, { quantity: step.quantity });
    state = expected.state;
    expect(posted.movement!.valuation!.totalCost, `${step.op} of ${step.quantity} on ${day}`).toBe(expected.valuation.totalCost);
    valueAtEndOf.set(day, state.value);
  }
  for (const [day, value] of valueAtEndOf) {
    const asOf = await valuationAsOf(db, SYSTEM_ACTOR, { asOf: day, site: w.site.code, sku: item.sku });
    expect(asOf.total, `value as of ${day}`).toBe(value);
  }
  const costState = await db.costState.findUnique({ where: { itemId_siteId: { itemId: item.id, siteId: w.site.id } } });
  expect(costState?.value.toFixed(4) ?? "0.0000").toBe(state.value);
  // The reconciliation over the whole span is the same sums seen the other way: opening 0 + in − out = closing.
  const whole = await valuationReconciliation(db, SYSTEM_ACTOR, { from: dayOf(0), to: dayOf(offset), site: w.site.code });
  expect(whole.closing).toBe(state.value);
  const identity = Number(whole.opening) + Number(whole.receipts) - Number(whole.cogs) + Number(whole.adjustments) + Number(whole.transfers);
  expect(identity.toFixed(4)).toBe(whole.closing);
}

describe.each(["fifo", "average", "standard"] as const)("the ledger's %s valuation against the engine", (method) => {
  it("costs every movement and values every day as the engine does", async () => {
    await fc.assert(
      fc.asyncProperty(steps, (plan) => replay(method, plan)),
      { numRuns: 20 },
    );
  }, 120_000);
});
