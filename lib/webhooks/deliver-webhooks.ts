import type { Db } from "../db/client";
import { toPublishedEvent } from "../events/event-envelope";
import { checkOutboundUrl } from "../outbound-urls/check-outbound-url";
import { allowsPrivateUrls } from "../settings/installation-settings";
import { giveUpDelivery } from "./give-up-delivery";
import { retryDelayMs } from "./retry-schedule";
import { longestAttemptMs, sendWebhook, type AttemptOutcome } from "./send-webhook";
import { openSigningSecret } from "./stored-secret";

export type DeliverOptions = {
  /** The clock the schedule runs on (tests drive retries with it); signatures carry the real time regardless. */
  now?: () => Date;
  timeoutMs?: number;
  /** How many endpoints are served at once. */
  concurrency?: number;
};

/** A process holds an endpoint this long; it stops starting attempts well before, so the lease never lapses mid-send. */
const LEASE_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Starting attempts stops this long after taking the lease: the longest attempt ends before the lease does. */
const workBudgetMs = (timeoutMs: number) => Math.max(LEASE_MS - longestAttemptMs(timeoutMs) - 10_000, 1_000);

type EndpointHead = { endpointId: string; leasedUntil: Date | null; nextAttemptAt: Date };

/**
 * Sends every delivery that is due, and answers how many attempts it made and when the next one falls due
 * (null when nothing is pending): call it again then, and whenever new deliveries are queued. nextDueAt may be
 * in the past (deliveries queued meanwhile, or a long backlog cut at the lease's time budget): call again at once.
 *
 * Order: per subject (an item's stock events, an order's events …), strictly by event position, up to 64
 * subjects at once (sendInChains). A failed delivery blocks the later ones of its subject, and the endpoint is
 * not served again until its earliest pending delivery is due, so a receiver gets each item's events in order
 * (events of one subject are positioned in their sequence order) even across retries.
 * One process at a time per endpoint: it first takes a lease on the endpoint with one conditional update
 * (several app processes share the database), so no event is sent twice at once or out of order.
 */
export async function deliverDueWebhooks(db: Db, options: DeliverOptions = {}): Promise<{ attempted: number; nextDueAt: Date | null }> {
  const clock = options.now ?? (() => new Date());
  const allowPrivate = await allowsPrivateUrls(db);
  const now = clock();
  const due = (await endpointHeads(db)).filter((h) => h.nextAttemptAt <= now && !(h.leasedUntil && h.leasedUntil > now));
  let attempted = 0;
  const queue = [...due];
  const worker = async () => {
    for (let head = queue.shift(); head; head = queue.shift()) {
      try {
        attempted += await deliverToEndpoint(db, head.endpointId, { clock, allowPrivate, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
      } catch (error) {
        // One endpoint's trouble (the database refusing a write) must not stop the others; its lease is released.
        console.error(`webhooks: delivering to endpoint ${head.endpointId} failed`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, worker));
  return { attempted, nextDueAt: nextDueAt(await endpointHeads(db)) };
}

/** The earliest pending delivery of each enabled endpoint: the only one that may go next. */
async function endpointHeads(db: Db): Promise<EndpointHead[]> {
  return db.$queryRaw<EndpointHead[]>`
    SELECT w.id AS "endpointId", w."leasedUntil", head."nextAttemptAt"
    FROM "WebhookEndpoint" w
    CROSS JOIN LATERAL (
      SELECT d."nextAttemptAt" FROM "WebhookDelivery" d
      WHERE d."endpointId" = w.id AND d.status = 'pending'
      ORDER BY d."eventPosition" LIMIT 1
    ) head
    WHERE w.enabled`;
}

/** When the next attempt is due: an endpoint another process holds counts from when its lease ends. */
function nextDueAt(heads: EndpointHead[]): Date | null {
  const times = heads.map((h) => Math.max(h.nextAttemptAt.getTime(), h.leasedUntil?.getTime() ?? 0));
  return times.length === 0 ? null : new Date(Math.min(...times));
}

type Context = { clock: () => Date; allowPrivate: boolean; timeoutMs: number };

/** Delivers one endpoint's due deliveries in order, under its lease; stops at the first failure. */
async function deliverToEndpoint(db: Db, endpointId: string, context: Context): Promise<number> {
  const leasedUntil = new Date(context.clock().getTime() + LEASE_MS);
  const leased = await db.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true, OR: [{ leasedUntil: null }, { leasedUntil: { lte: context.clock() } }] },
    data: { leasedUntil },
  });
  if (leased.count === 0) return 0; // another process has it, or it was disabled meanwhile
  const started = performance.now();
  const budgetMs = workBudgetMs(context.timeoutMs);
  let attempted = 0;
  try {
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { url: true, secret: true } });
    const endpoint = { url: stored.url, secret: openSigningSecret(stored.secret) };
    while (performance.now() - started < budgetMs) {
      const batch = await nextPending(db, endpointId);
      if (batch.length === 0) break;
      // Checked once for the batch; if refused, each send checks again and records the refusal as its failure.
      const urlJustChecked = await checkOutboundUrl(endpoint.url, { allowPrivate: context.allowPrivate }).then(
        () => true,
        () => false,
      );
      const delivered: DeliveredRecord[] = [];
      const sent = await sendInChains(batch, async ({ delivery, event }) => {
        const attemptAt = context.clock();
        if (delivery.nextAttemptAt > attemptAt || performance.now() - started >= budgetMs) return "stop";
        if (!event) {
          await forgetPurgedEvent(db, delivery.id);
          return "next";
        }
        const outcome = await sendWebhook(endpoint, toPublishedEvent(event), { ...context, urlJustChecked });
        attempted++;
        if (outcome.delivered) {
          delivered.push({
            id: delivery.id,
            attempts: delivery.attempts,
            attemptAt,
            responseStatus: outcome.responseStatus,
            responseMs: outcome.responseMs,
          });
          return "next";
        }
        // Not delivered: the rest of its subject waits behind it.
        await recordAttempt(db, { ...delivery, url: endpoint.url }, outcome, attemptAt);
        return "failed";
      });
      // One statement for the batch's successes: a crash before it only means those events are sent again.
      await recordDelivered(db, delivered);
      if (sent !== "all") return attempted; // something failed or is not due: the endpoint waits for its head
      if (batch.length < BATCH) break; // none left when read; deliveries queued since make the caller's nextDueAt due
    }
  } finally {
    await db.webhookEndpoint.updateMany({ where: { id: endpointId, leasedUntil }, data: { leasedUntil: null } });
  }
  return attempted;
}

type Attempted = { id: string; endpointId: string; eventId: string; attempts: number; url: string };

type DeliveredRecord = { id: string; attempts: number; attemptAt: Date; responseStatus: number | null; responseMs: number | null };

/** Marks a batch's successful deliveries delivered, each conditional on the attempt count read (see recordAttempt). */
async function recordDelivered(db: Db, records: readonly DeliveredRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.$executeRaw`
    UPDATE "WebhookDelivery" d SET status = 'delivered', attempts = r.attempts + 1, "lastAttemptAt" = r.at,
      "responseStatus" = r.status, "responseMs" = r.ms, "lastError" = NULL
    FROM unnest(${records.map((r) => r.id)}::uuid[], ${records.map((r) => r.attempts)}::int[], ${records.map((r) => r.attemptAt)}::timestamp[],
      ${records.map((r) => r.responseStatus)}::int[], ${records.map((r) => r.responseMs)}::int[]) AS r(id, attempts, at, status, ms)
    WHERE d.id = r.id AND d.status = 'pending' AND d.attempts = r.attempts`;
}

/** Whether the attempt was recorded (false when the delivery changed meanwhile). */
async function recordAttempt(db: Db, delivery: Attempted, outcome: AttemptOutcome, attemptAt: Date): Promise<boolean> {
  const attempts = delivery.attempts + 1;
  const result = {
    attempts,
    lastAttemptAt: attemptAt,
    responseStatus: outcome.responseStatus,
    responseMs: outcome.responseMs,
    lastError: outcome.error,
  };
  // Conditional on the attempt count read: a holder whose lease lapsed cannot overwrite a newer attempt's record.
  const current = { id: delivery.id, status: "pending" as const, attempts: delivery.attempts };
  if (outcome.delivered) {
    return (await db.webhookDelivery.updateMany({ where: current, data: { ...result, status: "delivered" } })).count === 1;
  }
  const delay = retryDelayMs(attempts);
  if (delay !== null) {
    const retry = { ...result, nextAttemptAt: new Date(attemptAt.getTime() + delay) };
    return (await db.webhookDelivery.updateMany({ where: current, data: retry })).count === 1;
  }
  await giveUpDelivery(db, delivery, result);
  return true;
}

const BATCH = 400;
/** Subjects of one endpoint sent to at once; within a subject, one at a time in order. */
const PARALLEL_SUBJECTS = 64;

type Pending = Awaited<ReturnType<typeof nextPending>>[number];
type Step = "next" | "stop" | "failed";

/**
 * Sends a batch (pending deliveries in event order) as one chain per subject: a subject's deliveries one after
 * another in order, up to PARALLEL_SUBJECTS subjects at once. A receiver then gets each subject's events in
 * sequence, as the guarantee says, without one slow round trip holding up every other item's events. A chain
 * stops at its first failure (its later events wait behind it); "all" when every delivery went.
 */
async function sendInChains(batch: readonly Pending[], send: (pending: Pending) => Promise<Step>): Promise<"all" | "some"> {
  const chains = new Map<string, Pending[]>();
  for (const pending of batch) {
    const subject = pending.event?.subject ?? `delivery:${pending.delivery.id}`;
    chains.set(subject, [...(chains.get(subject) ?? []), pending]);
  }
  const queue = [...chains.values()];
  let complete = true;
  const worker = async () => {
    for (let chain = queue.shift(); chain; chain = queue.shift()) {
      for (const pending of chain) {
        const step = await send(pending);
        if (step !== "next") {
          complete = false;
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SUBJECTS, queue.length) }, worker));
  return complete ? "all" : "some";
}

/** The endpoint's next pending deliveries in event order, each with its event (null once it left the log). */
async function nextPending(db: Db, endpointId: string) {
  const deliveries = await db.webhookDelivery.findMany({ where: { endpointId, status: "pending" }, orderBy: { eventPosition: "asc" }, take: BATCH });
  const events = await db.event.findMany({ where: { position: { in: deliveries.map((d) => d.eventPosition) } } });
  const byPosition = new Map(events.map((e) => [e.position, e]));
  return deliveries.map((delivery) => ({ delivery, event: byPosition.get(delivery.eventPosition) ?? null }));
}

/** The event log keeps events for a while only; a delivery whose event is gone can no longer be sent. */
async function forgetPurgedEvent(db: Db, deliveryId: string): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending" },
    data: { status: "failed", lastError: "The event is no longer in the event log (past its retention)" },
  });
}
