import type { QueuedWrite } from "./offline-store";

/**
 * A device can be shared (one phone per shift, several clerks): a write queued on it belongs to the person who
 * made it, is posted only under their session, and waits on the device for their next sign-in otherwise.
 * Writes queued before writes carried their author (no userId) belong to nobody and are never posted.
 */
export function writesToPost(writes: readonly QueuedWrite[], userId: string): QueuedWrite[] {
  if (!userId) return [];
  return writes.filter((w) => w.userId === userId && w.status === "pending").sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export type QueueSummary = { pending: QueuedWrite[]; refused: QueuedWrite[]; othersWaiting: number };

/** What the person sees of the device's queue: their own writes, and only how many others left. */
export function summarizeQueue(writes: readonly QueuedWrite[], userId: string): QueueSummary {
  const mine = writes.filter((w) => w.userId === userId);
  return {
    pending: mine.filter((w) => w.status === "pending"),
    refused: mine.filter((w) => w.status === "refused"),
    othersWaiting: writes.length - mine.length,
  };
}

/**
 * A refused write the clerk chose to try again: pending once more, under the same key. A refusal is not kept by
 * the server (it judges the write again), and if the write did post and only its answer was lost, the key answers
 * that posting instead of posting it twice. Null when the write is not this person's.
 */
export function retriedWrite(write: QueuedWrite | undefined, userId: string): QueuedWrite | null {
  if (!write || write.userId !== userId) return null;
  return { ...write, status: "pending", problem: undefined };
}
