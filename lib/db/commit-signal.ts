/**
 * Tells whoever listens (the event relay) that a transaction of this process committed events: the unit of work
 * signals after a transaction in which events were queued (markEventsQueued), and a grouped SQL call (postings,
 * reservations, which write their events themselves) after each group. Transactions that queued nothing (the
 * relay's own bookkeeping, a background job that found nothing to do) wake no one, so an idle app stays idle.
 */
type Listener = () => void;

const processWide = globalThis as unknown as { stockroomCommitListeners?: Set<Listener>; stockroomEventsQueued?: WeakSet<object> };
const listeners = (processWide.stockroomCommitListeners ??= new Set<Listener>());
const eventsQueuedIn = (processWide.stockroomEventsQueued ??= new WeakSet<object>());

/** Called by whatever writes an outbox row inside a transaction. */
export function markEventsQueued(tx: object): void {
  eventsQueuedIn.add(tx);
}

export function hasQueuedEvents(tx: object): boolean {
  return eventsQueuedIn.has(tx);
}

export function onCommit(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalCommit(): void {
  for (const listener of listeners) listener();
}
