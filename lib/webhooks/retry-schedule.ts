const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** How long Stockroom keeps retrying a delivery, counted from its first attempt. */
export const RETRY_WINDOW_MS = 24 * HOUR;

// Quick at first (a receiver restarting is back within seconds), then backing off to at most every 8 hours.
const DELAYS_MS = [5 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, 1 * HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR];

/**
 * How long to wait after the `attemptsMade`-th failed attempt before the next one, or null to give up.
 * The schedule adds up to exactly RETRY_WINDOW_MS: the last attempt falls 24 hours after the first on the
 * schedule (later in wall time when the app was down, so a receiver never loses retries to our downtime).
 * Counting attempts rather than storing the first attempt's time keeps this pure and needs no extra column.
 */
export function retryDelayMs(attemptsMade: number): number | null {
  if (attemptsMade < 1) return 0;
  const elapsed = scheduledElapsedMs(attemptsMade);
  if (elapsed >= RETRY_WINDOW_MS) return null;
  return Math.min(delayAfter(attemptsMade), RETRY_WINDOW_MS - elapsed);
}

function delayAfter(attempt: number): number {
  return DELAYS_MS[Math.min(attempt, DELAYS_MS.length) - 1];
}

/** Time from the first attempt to the `attempt`-th on the schedule. */
function scheduledElapsedMs(attempt: number): number {
  let elapsed = 0;
  for (let made = 1; made < attempt; made++) elapsed += Math.min(delayAfter(made), RETRY_WINDOW_MS - elapsed);
  return elapsed;
}
