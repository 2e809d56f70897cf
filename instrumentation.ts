// Next.js calls register() once when a server process starts: the app's own background work begins here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { getDb } = await import("./lib/db/client");
  const { startBackgroundJobs } = await import("./lib/system/background-jobs");
  startBackgroundJobs(getDb());
  // Off only where another process relays for this database (and for the benchmark's baseline without consumers);
  // "inline" runs it in the server's own thread (for comparison).
  const relay = process.env.STOCKROOM_EVENT_RELAY;
  if (relay === "off") return;
  if (relay === "inline") (await import("./lib/system/app-event-relay")).startAppEventRelay(process.env.DATABASE_URL);
  else (await import("./lib/system/event-relay-thread")).startEventRelayThread(process.env.DATABASE_URL);
}
