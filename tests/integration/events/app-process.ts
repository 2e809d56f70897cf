// Stands in for an app server process in the NATS tests: it relays the outbox to NATS as the app does, and with
// `burst` it also writes, one receipt after another, as requests would, until it is killed.
// Usage: tsx app-process.ts <relay|burst> [sku] [bin]   (DATABASE_URL, NATS_URL, TEST_NATS_STREAM, TEST_NATS_PREFIX)
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { startEventRelay } from "../../../lib/events/event-relay";
import { postMovement } from "../../../lib/ledger/post-movement";

const [mode, sku, bin] = process.argv.slice(2);
const db = getDb();
startEventRelay(db, { nats: { url: process.env.NATS_URL!, stream: process.env.TEST_NATS_STREAM!, prefix: process.env.TEST_NATS_PREFIX! } });
// Keeps the process alive: the relay's own timers do not.
setInterval(() => undefined, 60_000);

if (mode === "burst") {
  for (;;) {
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 1, to: bin, reason: "received" });
  }
}
