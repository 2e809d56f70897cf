/**
 * Work the app does by itself while it serves, with no extra process to start: started once per server process
 * (instrumentation.ts). Every job is safe when several processes share one database: each run is a statement
 * that is right however often, and by whichever process, it runs.
 */
import type { Db } from "../db/client";
import { purgeExpiredKeys } from "../db/idempotency-key";
import { expireDueReservations } from "../reservations/expire-reservations";
import { allocateBackorders } from "../orders/allocate-backorders";
import { purgeOldEvents } from "../events/purge-old-events";
import { scanAgedAlerts } from "../alerts/scan-aged-alerts";
import { sendAlertDigests } from "../alerts/send-alert-digests";
import { planReplenishments } from "../replenishment/plan-replenishments";
import { unitOfWork } from "../db/unit-of-work";
import { pollAllChannelOrders, reconcileAllChannels } from "../channels/sync-all-channels";
import { queueWeeklyRecompute } from "../reorder-points/queue-weekly-recompute";
import { runQueuedRecompute } from "../reorder-points/run-recompute";
import { draftScheduledPurchaseOrders } from "../purchasing/draft-schedule";
import { purgeOldReportRuns, runQueuedReports } from "../reports/report-runs";
import { sendDueReportSchedules } from "../reports/report-schedules";

export type BackgroundJob = { name: string; everyMs: number; run: (db: Db) => Promise<unknown> };

/** A job's first run waits this long at most after start, so a restart does not leave due work for a full interval. */
const FIRST_RUN_AFTER_MS = 5_000;

export const BACKGROUND_JOBS: BackgroundJob[] = [
  // Idempotency records past their TTL answer nothing; deleting them keeps the table (and its index) small.
  { name: "purge expired idempotency keys", everyMs: 60 * 60_000, run: purgeExpiredKeys },
  // Reservations are released within seconds of expiring; SKIP LOCKED makes every process's run safe.
  { name: "expire reservations", everyMs: 1_000, run: expireDueReservations },
  // Backorders take stock that has arrived, oldest promised date first; one process at a time (advisory lock).
  { name: "allocate backorders", everyMs: 2_000, run: allocateBackorders },
  // Shop orders whose webhooks were missed; and the nightly full reconcile of every channel's quantities.
  { name: "poll shop orders", everyMs: 5 * 60_000, run: pollAllChannelOrders },
  { name: "reconcile shop channels", everyMs: 24 * 60 * 60_000, run: reconcileAllChannels },
  // Alerts that time raises (lots nearing expiry, stock aged in quarantine, bins due a count); movements raise the rest.
  { name: "scan aged alerts", everyMs: 10 * 60_000, run: scanAgedAlerts },
  // Pick faces whose refill was missed (a face set up below its level, stock freed in the reserve): planned again.
  { name: "plan pick-face refills", everyMs: 5 * 60_000, run: (db) => unitOfWork(db, (tx) => planReplenishments(tx, "all")) },
  // Each person's e-mail digest of new alerts, when SMTP_URL is set; claimed with SKIP LOCKED, so sent once.
  { name: "send alert digests", everyMs: 60_000, run: (db) => sendAlertDigests(db) },
  // The event log keeps 30 days for pollers; older events and long-published outbox rows go.
  { name: "purge old events", everyMs: 60 * 60_000, run: purgeOldEvents },
  // Sites that asked for it get their purchase suggestions drafted as orders, once a day or week (unique run key).
  { name: "draft scheduled purchase orders", everyMs: 60_000, run: (db) => draftScheduledPurchaseOrders(db) },
  // Reports asked for in the background: claimed with FOR UPDATE SKIP LOCKED under a lease each batch renews, so
  // one process works each run and another takes over one whose process died; kept 7 days.
  { name: "run queued reports", everyMs: 2_000, run: (db) => runQueuedReports(db) },
  { name: "purge old report runs", everyMs: 60 * 60_000, run: purgeOldReportRuns },
  // Scheduled reports by e-mail, when SMTP_URL is set: each schedule once a period (row lock, SKIP LOCKED).
  { name: "send scheduled reports", everyMs: 60_000, run: (db) => sendDueReportSchedules(db) },
  // Reorder points from the forecast: the weekly run queued on Sunday night, and any queued run (weekly or asked
  // for) worked to the end by one process (FOR UPDATE SKIP LOCKED, a heartbeat for runs whose process died).
  {
    name: "recompute reorder points",
    everyMs: 5_000,
    run: async (db) => {
      await queueWeeklyRecompute(db);
      return runQueuedRecompute(db);
    },
  },
];

/**
 * Starts every job and answers a function that stops them. A job's next run is timed from the end of the last,
 * so a slow run (a large expiry batch, a busy database) is never overlapped by the same job in this process.
 */
export function startBackgroundJobs(db: Db, jobs: readonly BackgroundJob[] = BACKGROUND_JOBS): () => void {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (job: BackgroundJob, afterMs: number) => {
    if (stopped) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      try {
        await job.run(db);
      } catch (error) {
        console.error(`background job "${job.name}" failed`, error);
      }
      schedule(job, job.everyMs);
    }, afterMs);
    timer.unref();
    timers.add(timer);
  };
  for (const job of jobs) schedule(job, Math.min(job.everyMs, FIRST_RUN_AFTER_MS));
  return () => {
    stopped = true;
    timers.forEach((timer) => clearTimeout(timer));
  };
}
