/**
 * What the event relay does in the same transaction as it writes events (lib/events/relay-outbox.ts): queue their
 * webhook deliveries, raise or resolve the alerts the changes behind them caused, and ask for the pick-face
 * refills they made due. All of it commits with the events or not at all, so a crash in between loses nothing.
 */
import type { DbTx } from "../db/client";
import { checkAlertsForEvents } from "../alerts/check-stock-alerts";
import { touchedByEvents } from "../events/touched-by-events";
import { planReplenishments } from "../replenishment/plan-replenishments";
import { queueWebhookDeliveries } from "../webhooks/queue-deliveries";

export async function afterEventsWritten(tx: DbTx, afterPosition: bigint, upToPosition: bigint): Promise<void> {
  await queueWebhookDeliveries(tx, afterPosition, upToPosition);
  const touched = await touchedByEvents(tx, afterPosition, upToPosition);
  await checkAlertsForEvents(tx, touched);
  await planReplenishments(tx, touched.refillFaceIds);
}
