// Next.js calls register() once when a server process starts: the app's own background work begins here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { createDb, getDb } = await import("./lib/db/client");
  const { startBackgroundJobs } = await import("./lib/system/background-jobs");
  const { startEventRelay } = await import("./lib/events/event-relay");
  const { natsTargetFromEnv } = await import("./lib/events/publish-to-nats");
  const { afterEventsWritten } = await import("./lib/system/after-events-written");
  const { deliverDueWebhooks } = await import("./lib/webhooks/deliver-webhooks");
  const { pushChannelStock } = await import("./lib/channels/push-channel-stock");
  startBackgroundJobs(getDb());
  // Off only where another process relays for this database (and for the benchmark's baseline without consumers).
  // Connections of its own (relay, NATS and webhooks one each, and one spare): under load they would otherwise
  // queue for the pool behind every request.
  if (process.env.STOCKROOM_EVENT_RELAY !== "off") {
    startEventRelay(createDb(process.env.DATABASE_URL, 4), {
      nats: natsTargetFromEnv(),
      afterEventsWritten,
      deliverWebhooks: deliverDueWebhooks,
      pushChannels: (db) => pushChannelStock(db),
    });
  }
}
