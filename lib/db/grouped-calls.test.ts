import { describe, expect, it } from "vitest";
import { groupedCalls } from "./grouped-calls";

/** A group runner whose groups come back only when the test says so. */
function heldGroups() {
  const sent: { inputs: number[]; answer: (results: (string | Error)[]) => void; fail: (error: Error) => void }[] = [];
  const run = (inputs: readonly number[]) =>
    new Promise<(string | Error)[]>((resolve, reject) => sent.push({ inputs: [...inputs], answer: resolve, fail: reject }));
  return { sent, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("groupedCalls", () => {
  it("sends a call at once, alone, while a group may still leave", async () => {
    const { sent, run } = heldGroups();
    const grouped = groupedCalls(run, { inFlight: 2, maxGroup: 10 });
    const first = grouped.call(1);
    await settle();
    expect(sent.map((group) => group.inputs)).toEqual([[1]]);
    sent[0].answer(["one"]);
    expect(await first).toBe("one");
  });

  it("holds calls made while every group is out, and sends them as one group when one comes back", async () => {
    const { sent, run } = heldGroups();
    const grouped = groupedCalls(run, { inFlight: 2, maxGroup: 10 });
    const calls = [grouped.call(1)];
    await settle();
    calls.push(grouped.call(2));
    await settle();
    for (const n of [3, 4, 5]) {
      calls.push(grouped.call(n));
      await settle(); // each in a tick of its own, as requests arrive
    }
    expect(sent.map((group) => group.inputs)).toEqual([[1], [2]]);

    sent[0].answer(["one"]);
    await settle();
    expect(sent.map((group) => group.inputs)).toEqual([[1], [2], [3, 4, 5]]);
    sent[1].answer(["two"]);
    sent[2].answer(["three", "four", "five"]);
    expect(await Promise.all(calls)).toEqual(["one", "two", "three", "four", "five"]);
  });

  it("gives each call its own error, and fails every call of a group that fails", async () => {
    const { sent, run } = heldGroups();
    const grouped = groupedCalls(run, { inFlight: 1, maxGroup: 10 });
    const blocker = grouped.call(0);
    await settle();
    const [a, b, c] = [grouped.call(1), grouped.call(2), grouped.call(3)];
    sent[0].answer(["zero"]);
    await blocker;
    await settle();
    sent[1].answer(["one", new Error("two was refused"), "three"]);
    await expect(a).resolves.toBe("one");
    await expect(b).rejects.toThrow("two was refused");
    await expect(c).resolves.toBe("three");

    const [d, e] = [grouped.call(4), grouped.call(5)];
    await settle();
    sent[2].fail(new Error("connection lost"));
    await expect(d).rejects.toThrow("connection lost");
    await expect(e).rejects.toThrow("connection lost");
    // The failed group freed its place: the next call leaves at once.
    const f = grouped.call(6);
    await settle();
    expect(sent[3].inputs).toEqual([6]);
    sent[3].answer(["six"]);
    expect(await f).toBe("six");
  });

  it("never puts more than maxGroup calls in one group", async () => {
    const { sent, run } = heldGroups();
    const grouped = groupedCalls(run, { inFlight: 1, maxGroup: 3 });
    const blocker = grouped.call(0);
    await settle();
    const calls = [1, 2, 3, 4, 5, 6, 7].map((n) => grouped.call(n));
    sent[0].answer(["0"]);
    await blocker;
    for (let i = 1; i <= 3; i++) {
      await settle();
      expect(sent).toHaveLength(i + 1); // one group at a time: the next waits for this one
      sent[i].answer(sent[i].inputs.map(String));
    }
    expect(sent.slice(1).map((group) => group.inputs)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(await Promise.all(calls)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });
});
