/**
 * Live hints for open pages: one poller per process reads new outbox events once a second and hands them to
 * every subscriber (the SSE route). One query a second however many pages are open.
 *
 * A hint, not a delivery guarantee: an event whose transaction commits after a later id was already read can
 * be skipped; the page it concerns is still right on its next load. Delivery to other services belongs to an
 * outbox relay that tracks what it published.
 */
import type { Db } from "../db/client";

export type FeedEvent = { id: string; type: string; siteId: string | null; skus: string[]; locations: string[] };
type Subscriber = (events: FeedEvent[]) => void;

const POLL_MS = 1_000;
const subscribers = new Set<Subscriber>();
let lastId: bigint | null = null;
let timer: NodeJS.Timeout | undefined;

/** Stock events carry their movements; other events (a pick list, a count, a transfer) name no stock to refresh. */
function summarize(payload: unknown): Pick<FeedEvent, "skus" | "locations"> {
  const listed = (payload as { movements?: unknown } | null)?.movements;
  const movements = Array.isArray(listed) ? (listed as { sku: string; from: string; to: string }[]) : [];
  return {
    skus: [...new Set(movements.map((m) => m.sku))],
    locations: [...new Set(movements.flatMap((m) => [m.from, m.to]))],
  };
}

async function poll(db: Db) {
  if (lastId === null) {
    const newest = await db.outboxEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    lastId = newest?.id ?? 0n;
    return;
  }
  const rows = await db.outboxEvent.findMany({
    where: { id: { gt: lastId } },
    orderBy: { id: "asc" },
    take: 500,
    select: { id: true, type: true, siteId: true, payload: true },
  });
  if (rows.length === 0) return;
  lastId = rows[rows.length - 1].id;
  const events = rows.map((row) => ({ id: row.id.toString(), type: row.type, siteId: row.siteId, ...summarize(row.payload) }));
  for (const subscriber of subscribers) subscriber(events);
}

export function subscribeToEvents(db: Db, subscriber: Subscriber): () => void {
  subscribers.add(subscriber);
  if (!timer) {
    const tick = () =>
      void poll(db)
        .catch((error) => console.error("event feed poll failed", error))
        .finally(() => {
          timer = subscribers.size > 0 ? setTimeout(tick, POLL_MS) : undefined;
        });
    timer = setTimeout(tick, 0);
  }
  return () => subscribers.delete(subscriber);
}
