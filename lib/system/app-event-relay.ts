import { createDb } from "../db/client";
import { pushChannelStock } from "../channels/push-channel-stock";
import { startEventRelay } from "../events/event-relay";
import { natsTargetFromEnv } from "../events/publish-to-nats";
import { deliverDueWebhooks } from "../webhooks/deliver-webhooks";
import { afterEventsWritten } from "./after-events-written";

/**
 * The event relay with every stage the app runs: the event log, NATS (when NATS_URL is set), webhooks and shop
 * channels. Connections of its own (relay, NATS and webhooks one each, and one spare): under load they would
 * otherwise queue for the pool behind every request. Answers the function that stops it.
 */
export function startAppEventRelay(databaseUrl: string, options: { minGapMs?: number } = {}): () => Promise<void> {
  const db = createDb(databaseUrl, 4);
  const stop = startEventRelay(db, {
    nats: natsTargetFromEnv(),
    afterEventsWritten,
    deliverWebhooks: deliverDueWebhooks,
    pushChannels: (relayDb) => pushChannelStock(relayDb),
    minGapMs: options.minGapMs,
  });
  return async () => {
    await stop();
    await db.$disconnect();
  };
}
