/**
 * Work the app does by itself while it serves, with no extra process to start: started once per server process
 * (instrumentation.ts). Every job is safe when several processes share one database: each run is a statement
 * that is right however often, and by whichever process, it runs.
 */
import type { Db } from "../db/client";
import { purgeExpiredKeys } from "../db/idempotency-key";
import { expireDueReservations } from "../reservations/expire-reservations";
import { allocateBackorders } from "../orders/allocate-backorders";

type Job = { name: string; everyMs: number; run: (db: Db) => Promise<unknown> };

const JOBS: Job[] = [
  // Idempotency records past their TTL answer nothing; deleting them keeps the table (and its index) small.
  { name: "purge expired idempotency keys", everyMs: 60 * 60_000, run: purgeExpiredKeys },
  // Reservations are released within seconds of expiring; SKIP LOCKED makes every process's run safe.
  { name: "expire reservations", everyMs: 1_000, run: expireDueReservations },
  // Backorders take stock that has arrived, oldest promised date first; one process at a time (advisory lock).
  { name: "allocate backorders", everyMs: 2_000, run: allocateBackorders },
];

/** Starts every job (first run soon after start, then on its interval); answers a function that stops them. */
export function startBackgroundJobs(db: Db, jobs: Job[] = JOBS): () => void {
  const timers = jobs.map((job) => {
    const tick = () => void job.run(db).catch((error) => console.error(`background job "${job.name}" failed`, error));
    const first = setTimeout(tick, 5_000);
    const every = setInterval(tick, job.everyMs);
    first.unref();
    every.unref();
    return [first, every];
  });
  return () => timers.flat().forEach((timer) => clearTimeout(timer));
}
