/**
 * The rules of sign-in throttling, as pure functions over the counters (claim-sign-in-attempt.ts keeps them in
 * the database). A progressive delay, never a hard lock: the first few attempts in a window are free, then each
 * one lets the next through only after a delay that doubles, up to a cap. Three counters:
 *
 * - pair (this e-mail from this address): strict — a guesser at the keyboard waits minutes soon;
 * - account (this e-mail from anywhere): loose — guesses spread over many addresses slow down, but a stranger
 *   can only slow the real person (a short cap), never lock them out;
 * - address (any e-mail from this address): loose — one address trying many accounts slows down.
 *
 * An address that has signed in to the account before ("known" pair) answers only to its own delay, so the
 * real person at their usual desk or phone is not slowed by strangers elsewhere at all.
 */
export type CounterKind = "pair" | "account" | "address";

export type Counter = {
  key: string;
  kind: CounterKind;
  windowStartedAt: Date;
  failures: number;
  refusals: number;
  nextAttemptAt: Date;
  knownSince: Date | null;
};

type Policy = { freeAttempts: number; firstDelayMs: number; maxDelayMs: number };

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const THROTTLE_POLICIES: Record<CounterKind, Policy> = {
  pair: { freeAttempts: 5, firstDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE },
  account: { freeAttempts: 20, firstDelayMs: 2 * SECOND, maxDelayMs: MINUTE },
  address: { freeAttempts: 50, firstDelayMs: 2 * SECOND, maxDelayMs: MINUTE },
};

/** A counter starts afresh when its window is over and it is not holding anyone back. */
export const THROTTLE_WINDOW_MS = 60 * MINUTE;

/** The keys an attempt is counted under; without a known address, only the account's. */
export function counterKeys(email: string, address: string | null): { kind: CounterKind; key: string }[] {
  const keys: { kind: CounterKind; key: string }[] = [
    { kind: "account", key: `account:${email}` },
    { kind: "pair", key: `pair:${email}|${address ?? "unknown"}` },
  ];
  if (address) keys.push({ kind: "address", key: `address:${address}` });
  return keys;
}

/** How long the next attempt must wait after the `failures`-th one of the window. */
export function delayAfter(failures: number, kind: CounterKind): number {
  const { freeAttempts, firstDelayMs, maxDelayMs } = THROTTLE_POLICIES[kind];
  if (failures < freeAttempts) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - freeAttempts));
}

export type Verdict =
  | { allowed: true; counters: Counter[]; counted: CounterKind[] }
  | { allowed: false; counters: Counter[]; retryAfterSeconds: number; firstRefusedBy: CounterKind[] };

function freshIfOver(counter: Counter, now: Date): Counter {
  const isOver = now.getTime() - counter.windowStartedAt.getTime() >= THROTTLE_WINDOW_MS && counter.nextAttemptAt <= now;
  return isOver ? { ...counter, windowStartedAt: now, failures: 0, refusals: 0, nextAttemptAt: now } : counter;
}

/**
 * Judges one attempt against its counters (locked by the caller) and returns them as they must be saved: an
 * attempt let through is counted as a failure until it succeeds (settleSuccess); one refused is counted as a
 * refusal of the counters that held it back.
 */
export function judgeAttempt(current: Counter[], now: Date): Verdict {
  const counters = current.map((c) => freshIfOver(c, now));
  const pair = counters.find((c) => c.kind === "pair");
  const applies = (c: Counter) => c.kind === "pair" || !pair?.knownSince;
  const holding = counters.filter((c) => applies(c) && c.nextAttemptAt > now);
  if (holding.length > 0) {
    const until = Math.max(...holding.map((c) => c.nextAttemptAt.getTime()));
    return {
      allowed: false,
      counters: counters.map((c) => (holding.includes(c) ? { ...c, refusals: c.refusals + 1 } : c)),
      retryAfterSeconds: Math.ceil((until - now.getTime()) / SECOND),
      firstRefusedBy: holding.filter((c) => c.refusals === 0).map((c) => c.kind),
    };
  }
  const counted = counters.map((c) => {
    if (!applies(c)) return c;
    const failures = c.failures + 1;
    return { ...c, failures, nextAttemptAt: new Date(now.getTime() + delayAfter(failures, c.kind)) };
  });
  return { allowed: true, counters: counted, counted: counters.filter(applies).map((c) => c.kind) };
}
