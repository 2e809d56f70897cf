/**
 * What the event relay does in the same transaction as it writes events (lib/events/relay-outbox.ts): queue their
 * webhook deliveries, and raise or resolve the alerts the changes behind them caused. Both commit with the events
 * or not at all, so a crash between them loses neither.
 */
import type { DbTx } from "../db/client";
import { checkAlertsForEvents } from "../alerts/check-stock-alerts";
import { queueWebhookDeliveries } from "../webhooks/queue-deliveries";

export async function afterEventsWritten(tx: DbTx, afterPosition: bigint, upToPosition: bigint): Promise<void> {
  await queueWebhookDeliveries(tx, afterPosition, upToPosition);
  await checkAlertsForEvents(tx, afterPosition, upToPosition);
}
