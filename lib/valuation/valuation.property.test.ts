import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromTenThousandths, toTenThousandths } from "../money/fixed-point";
import { type CostingMethod, type CostState, emptyCostState } from "./cost-state";
import { IssueExceedsStock, ReversalRefused, UnknownCostLayer } from "./errors";
import { addLandedCost } from "./landed-cost";
import { issue, receive, returnToStock, reverse } from "./movements";
import { changeMethod, changeStandardCost } from "./revaluation";
import type { Valuation } from "./valuation";

const money = (amount: string | undefined) => (amount === undefined ? 0n : toTenThousandths(amount));
const day = (n: number) => `2026-01-${String(n).padStart(2, "0")}`;
const methods: CostingMethod[] = ["fifo", "average", "standard"];

type Command =
  | { op: "receive" | "return"; quantity: number; cost: bigint; asTotal: boolean; day: number }
  | { op: "issue"; quantity: number }
  | { op: "landed"; pick: number; amount: bigint }
  | { op: "reverse"; pick: number }
  | { op: "standardCost"; cost: bigint }
  | { op: "method"; method: CostingMethod; cost: bigint };

const cost = fc.bigInt(0n, 1_000_000n); // 0 to 100.0000
const incoming = fc.record({
  op: fc.constantFrom("receive" as const, "return" as const),
  quantity: fc.integer({ min: 1, max: 40 }),
  cost,
  asTotal: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
});
const movements = [
  { arbitrary: incoming, weight: 3 },
  { arbitrary: fc.record({ op: fc.constant("issue" as const), quantity: fc.integer({ min: 1, max: 50 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant("landed" as const), pick: fc.nat(), amount: fc.bigInt(-200_000n, 500_000n) }), weight: 1 },
];
const anyCommand: fc.Arbitrary<Command> = fc.oneof(
  ...movements,
  { arbitrary: fc.record({ op: fc.constant("reverse" as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant("standardCost" as const), cost }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant("method" as const), method: fc.constantFrom(...methods), cost }), weight: 1 },
);
const sequence = <T>(command: fc.Arbitrary<T>) => fc.array(command, { minLength: 5, maxLength: 60, size: "max" });

/** The valuation's other side, as the test computes it independently: what was paid, charged or reversed. */
type Entry = { valuation: Valuation; counterpart: bigint; reversed: boolean };

function expectConsistent(state: CostState) {
  // (b) the value is the sum of the layers; (c) the quantity is the sum of theirs and never negative.
  expect(state.layers.reduce((sum, l) => sum + money(l.value), 0n)).toBe(money(state.value));
  expect(state.layers.reduce((sum, l) => sum + l.quantity, 0)).toBe(state.quantity);
  expect(state.quantity).toBeGreaterThanOrEqual(0);
  for (const layer of state.layers) {
    expect(layer.quantity).toBeGreaterThanOrEqual(0);
    expect(layer.quantity).toBeLessThanOrEqual(layer.receivedQuantity);
    expect(money(layer.value)).toBeGreaterThanOrEqual(0n);
    if (layer.quantity === 0) expect(layer.value).toBe("0.0000");
  }
}

/** Nothing is lost: what moved in stock plus what went to COGS or variance is the other side, exactly. */
function expectBalanced({ valuation, counterpart }: Entry) {
  const variance = "variance" in valuation ? money(valuation.variance) : 0n;
  const cogs = valuation.kind === "landed-cost" ? money(valuation.toCogs) : money(valuation.cogsAdjustment);
  expect(money(valuation.valueChange) + cogs + variance).toBe(counterpart);
}

const refused = (error: unknown) => error instanceof IssueExceedsStock || error instanceof ReversalRefused || error instanceof UnknownCostLayer;

/** How often each outcome came up, so the test can show the random sequences reach every case. */
const seen = new Map<string, number>();
const count = (outcome: string) => seen.set(outcome, (seen.get(outcome) ?? 0) + 1);

/** Applies one movement command; null when it is refused for a reason the domain states. */
function apply(state: CostState, command: Command, index: number, history: Entry[]): { state: CostState; entry: Entry } | null {
  try {
    if (command.op === "receive" || command.op === "return") {
      const amount = command.asTotal
        ? { totalCost: fromTenThousandths(command.cost * BigInt(command.quantity)) }
        : { unitCost: fromTenThousandths(command.cost) };
      const units = { layerId: `L${index}`, quantity: command.quantity, at: day(command.day), ...amount };
      const result = command.op === "receive" ? receive(state, units) : returnToStock(state, units);
      return { state: result.state, entry: { valuation: result.valuation, counterpart: command.cost * BigInt(command.quantity), reversed: false } };
    }
    if (command.op === "issue") {
      if (command.quantity > state.quantity) {
        expect(() => issue(state, command)).toThrow(IssueExceedsStock);
        count("IssueExceedsStock");
        return null;
      }
      const result = issue(state, command);
      return { state: result.state, entry: { valuation: result.valuation, counterpart: -money(result.valuation.totalCost), reversed: false } };
    }
    if (command.op === "landed") {
      if (state.layers.length === 0) return null;
      const layer = state.layers[command.pick % state.layers.length];
      const result = addLandedCost(state, { layerId: layer.id, amount: fromTenThousandths(command.amount) });
      return { state: result.state, entry: { valuation: result.valuation, counterpart: command.amount, reversed: false } };
    }
    if (command.op === "reverse") {
      const open = history.filter(
        (entry) => !entry.reversed && !(entry.valuation.kind === "reversal" || (entry.valuation.kind === "landed-cost" && entry.valuation.reversal)),
      );
      if (open.length === 0) return null;
      const original = open[command.pick % open.length];
      const result = reverse(state, original.valuation);
      original.reversed = true;
      return { state: result.state, entry: { valuation: result.valuation, counterpart: -original.counterpart, reversed: true } };
    }
    throw new Error(`not a movement: ${command.op}`);
  } catch (error) {
    if (refused(error)) {
      count((error as Error).name);
      return null;
    }
    throw error;
  }
}

describe("valuation properties", () => {
  it("(a) opening + receipts + landed to stock − issues ± reversals + revaluations = closing, (b, c) layers sum exactly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...methods), sequence(anyCommand), (method, commands) => {
        let state = emptyCostState(method, "10.0000");
        const history: Entry[] = [];
        const totals = { receipts: 0n, landedToStock: 0n, issues: 0n, reversals: 0n, revaluations: 0n };
        commands.forEach((command, index) => {
          if (command.op === "standardCost" || command.op === "method") {
            const result =
              command.op === "standardCost"
                ? changeStandardCost(state, { standardCost: fromTenThousandths(command.cost), at: day(28) })
                : changeMethod(state, { method: command.method, standardCost: fromTenThousandths(command.cost), at: day(28) });
            state = result.state;
            totals.revaluations += money(result.revaluation.amount);
          } else {
            const applied = apply(state, command, index, history);
            if (!applied) return;
            state = applied.state;
            history.push(applied.entry);
            expectBalanced(applied.entry);
            const { valuation } = applied.entry;
            count(valuation.kind === "reversal" ? `reversal of ${valuation.reversed}` : valuation.kind);
            if ("cogsAdjustment" in valuation || ("toCogs" in valuation && valuation.toCogs !== "0.0000")) count("to COGS");
            if (valuation.kind === "receipt" || valuation.kind === "return") totals.receipts += money(valuation.valueChange);
            else if (valuation.kind === "issue") totals.issues += money(valuation.totalCost);
            else if (valuation.kind === "landed-cost" && !valuation.reversal) totals.landedToStock += money(valuation.toStock);
            else totals.reversals += money(valuation.valueChange);
          }
          expectConsistent(state);
          const closing = 0n + totals.receipts + totals.landedToStock - totals.issues + totals.reversals + totals.revaluations;
          expect(fromTenThousandths(closing)).toBe(state.value);
        });
      }),
      { numRuns: 100 },
    );
    for (const outcome of [
      "receipt",
      "return",
      "issue",
      "landed-cost",
      "reversal of receipt",
      "reversal of return",
      "reversal of issue",
      "to COGS",
      "IssueExceedsStock",
      "ReversalRefused",
    ]) {
      expect(seen.get(outcome), outcome).toBeGreaterThan(0);
    }
  });

  it("(d) reversing every movement in reverse order gives back each earlier state, down to the opening one, exactly", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.array(incoming, { minLength: 1, maxLength: 3 }),
        sequence(fc.oneof(...movements)),
        (method, opening, commands) => {
          let state = emptyCostState(method, "10.0000");
          opening.forEach((command, index) => (state = apply(state, command, -1 - index, [])!.state));
          const states: CostState[] = [state];
          const done: Entry[] = [];
          commands.forEach((command, index) => {
            const applied = apply(state, command, index, []);
            if (!applied) return;
            state = applied.state;
            done.push(applied.entry);
            states.push(state);
          });
          for (let i = done.length - 1; i >= 0; i--) {
            const result = reverse(state, done[i].valuation);
            expectBalanced({ valuation: result.valuation, counterpart: -done[i].counterpart, reversed: true });
            expect(result.valuation).not.toHaveProperty("cogsAdjustment");
            state = result.state;
            expect(state).toEqual(states[i]);
          }
          expect(state.value).toBe(states[0].value);
        },
      ),
      { numRuns: 100 },
    );
  });
});
