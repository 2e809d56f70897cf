import { unitOfWork } from "../db/unit-of-work";
import type { Db, DbTx } from "../db/client";
import { counterKeys, judgeAttempt, type Counter, type CounterKind } from "./sign-in-throttle";

export type ClaimedAttempt =
  | { allowed: true; countedKeys: string[]; pairKey: string; pairFailures: number }
  | { allowed: false; retryAfterSeconds: number; firstRefusedBy: CounterKind[] };

type CounterRow = Omit<Counter, "kind">;

const DAY_MS = 24 * 60 * 60_000;
let lastPurgeAt = 0;

/**
 * Counts a sign-in attempt before its password is checked, or refuses it for coming too early
 * (sign-in-throttle.ts decides). The counters are taken under row locks, in key order so two attempts never
 * wait on each other in a cycle: fifty guesses at once are judged one after another, and exactly the free ones
 * get through.
 */
export async function claimSignInAttempt(db: Db, input: { email: string; address: string | null }): Promise<ClaimedAttempt> {
  const keys = counterKeys(input.email, input.address);
  const kindOf = new Map(keys.map((k) => [k.key, k.kind]));
  await purgeIdleCounters(db);
  const now = new Date();
  await db.signInCounter.createMany({
    data: keys.map(({ key }) => ({ key, windowStartedAt: now, nextAttemptAt: now })),
    skipDuplicates: true,
  });
  return unitOfWork(db, async (tx) => {
    const rows = await tx.$queryRaw<CounterRow[]>`
      SELECT "key", "windowStartedAt", "failures", "refusals", "nextAttemptAt", "knownSince"
      FROM "SignInCounter" WHERE "key" = ANY(${[...kindOf.keys()]}::text[]) ORDER BY "key" FOR UPDATE`;
    const verdict = judgeAttempt(
      rows.map((row) => ({ ...row, kind: kindOf.get(row.key)! })),
      new Date(),
    );
    for (const counter of verdict.counters) await saveCounter(tx, counter);
    if (!verdict.allowed) return { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds, firstRefusedBy: verdict.firstRefusedBy };
    const countedKeys = verdict.counters.filter((c) => verdict.counted.includes(c.kind)).map((c) => c.key);
    const pair = verdict.counters.find((c) => c.kind === "pair")!;
    return { allowed: true, countedKeys, pairKey: pair.key, pairFailures: pair.failures };
  });
}

/**
 * The attempt was the right password: its address becomes known to the account (only the pair's own delay
 * applies to it from now on), the pair starts over, and the other counters give back the attempt they counted.
 */
export async function settleSuccessfulAttempt(tx: DbTx, attempt: Extract<ClaimedAttempt, { allowed: true }>): Promise<void> {
  const now = new Date();
  await tx.signInCounter.update({ where: { key: attempt.pairKey }, data: { failures: 0, nextAttemptAt: now } });
  await tx.signInCounter.updateMany({ where: { key: attempt.pairKey, knownSince: null }, data: { knownSince: now } });
  const others = attempt.countedKeys.filter((key) => key !== attempt.pairKey);
  await tx.signInCounter.updateMany({ where: { key: { in: others }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

async function saveCounter(tx: DbTx, counter: Counter) {
  const { windowStartedAt, failures, refusals, nextAttemptAt } = counter;
  await tx.signInCounter.update({ where: { key: counter.key }, data: { windowStartedAt, failures, refusals, nextAttemptAt } });
}

/** At most once an hour per process: counters idle for a day go (known pairs after 90 days). */
async function purgeIdleCounters(db: Db) {
  const now = Date.now();
  if (now - lastPurgeAt < 60 * 60_000) return;
  lastPurgeAt = now;
  await db.signInCounter.deleteMany({
    where: {
      OR: [{ knownSince: null, updatedAt: { lt: new Date(now - DAY_MS) } }, { updatedAt: { lt: new Date(now - 90 * DAY_MS) } }],
    },
  });
}
