import { describe, expect, it } from "vitest";
import type { QueuedWrite } from "./offline-store";
import { retriedWrite, summarizeQueue, writesToPost } from "./queue-ownership";

const write = (seq: number, userId: string, status: QueuedWrite["status"] = "pending"): QueuedWrite => ({
  seq,
  userId,
  status,
  idempotencyKey: `k${seq}`,
  url: "/api/v1/movements",
  body: {},
  label: `write ${seq}`,
  createdAt: "2026-01-05T08:00:00Z",
});

describe("the device's write queue", () => {
  const queue = [
    write(3, "ana"),
    write(1, "ana"),
    write(2, "ben"),
    write(4, "ana", "refused"),
    { ...write(5, "x"), userId: undefined as unknown as string },
  ];

  it("posts only the signed-in person's pending writes, in the order they were made", () => {
    expect(writesToPost(queue, "ana").map((w) => w.seq)).toEqual([1, 3]);
    expect(writesToPost(queue, "ben").map((w) => w.seq)).toEqual([2]);
    expect(writesToPost(queue, "carla")).toEqual([]);
  });

  it("never posts a write that names no author", () => {
    expect(writesToPost(queue, undefined as unknown as string)).toEqual([]);
  });

  it("shows a person their own writes and only how many other people left", () => {
    const summary = summarizeQueue(queue, "ana");
    expect(summary.pending.map((w) => w.seq).sort()).toEqual([1, 3]);
    expect(summary.refused.map((w) => w.seq)).toEqual([4]);
    expect(summary.othersWaiting).toBe(2);
  });
});

describe("a refused write tried again", () => {
  it("goes again under the same key, so a write that did post is answered rather than posted twice", () => {
    const refused = { ...write(7, "ana", "refused"), problem: { status: 409, code: "insufficient_stock" } };
    expect(retriedWrite(refused, "ana")).toEqual({ ...refused, status: "pending", problem: undefined });
    expect(retriedWrite(refused, "ana")?.idempotencyKey).toBe("k7");
  });

  it("is only ever the signed-in person's", () => {
    expect(retriedWrite(write(8, "ben", "refused"), "ana")).toBeNull();
    expect(retriedWrite(undefined, "ana")).toBeNull();
  });
});
