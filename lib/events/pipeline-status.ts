import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { natsStatus, natsTargetFromEnv, type NatsStatus } from "./publish-to-nats";

export type EventPipelineStatus = {
  /** Outbox rows not yet in the event log (counted up to 10,000). */
  unrelayed: number;
  oldestUnrelayedAt: string | null;
  newestEvent: { position: string; recordedAt: string } | null;
  nats: NatsStatus & { stream: string | null; behind: number | null };
};

/** How far each stage has got: for the system page, and for whoever wonders why a consumer heard nothing yet. */
export async function getEventPipelineStatus(db: Db, actor: Actor): Promise<EventPipelineStatus> {
  authorize(actor, "audit.view");
  const target = natsTargetFromEnv();
  const [[backlog], newest, cursor] = await Promise.all([
    db.$queryRaw<{ count: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS count, min("createdAt") AS oldest
      FROM (SELECT "createdAt" FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY id LIMIT 10000) unrelayed`,
    db.event.findFirst({ orderBy: { position: "desc" }, select: { position: true, recordedAt: true } }),
    target ? db.eventCursor.findUnique({ where: { name: `nats:${target.stream}` } }) : null,
  ]);
  return {
    unrelayed: backlog.count,
    oldestUnrelayedAt: backlog.oldest?.toISOString() ?? null,
    newestEvent: newest ? { position: newest.position.toString(), recordedAt: newest.recordedAt.toISOString() } : null,
    nats: {
      ...natsStatus(),
      stream: target?.stream ?? null,
      behind: target && newest ? Number(newest.position - (cursor?.position ?? 0n)) : null,
    },
  };
}
