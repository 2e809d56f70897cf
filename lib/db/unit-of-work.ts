/**
 * The unit of work: the one way a write is made atomic and retry-safe.
 *
 * - It opens a transaction, or joins the caller's: a domain function called inside another's transaction runs
 *   on it, so composed use cases (a pick confirmation posting an issue) commit or roll back as one. A joined unit
 *   runs under a savepoint: when it fails, only its own work is undone, and a caller that catches the failure
 *   (an import reporting a row and going on) still has a working transaction.
 * - With an idempotency key it checks the key before any rule runs: a settled key answers with its stored
 *   answer, the same key for another request is refused. It claims the key in the transaction of the effect
 *   and settles it there with the answer, so a crash can leave neither a stuck key nor an effect without its
 *   answer, and a refusal rolls the claim back with everything else.
 * - Serialization failures, deadlocks and RetryableConflict are retried from scratch, only by the outermost unit:
 *   inside a caller's transaction the transaction is already aborted, so the error goes up to whoever opened it.
 *
 * The ledger's hot path does the same in one SQL statement (lib/ledger/posting-function.ts): see checkKeyFirst.
 *
 * Inside the work, await queries one after another rather than with Promise.all: a transaction has one
 * connection, so nothing runs in parallel anyway, and Prisma sends queries issued together in a transaction as a
 * batch, which it compiles afresh each time (its plan cache serves single queries): a quarter of the event relay's
 * Node CPU per pass went there (docs/BENCHMARKS.md).
 */
import type { Db, DbTx } from "./client";
import { hasQueuedEvents, signalCommit } from "./commit-signal";
import { databaseErrorOf } from "./errors";
import { claimKey, findSettledKey, settleKey, type IdempotencyKey, type StoredAnswer } from "./idempotency-key";

export type { IdempotencyKey } from "./idempotency-key";

/**
 * Thrown by work that met a conflict a fresh attempt may not meet (a deadlock; stock that moved between planning
 * and posting): the outermost unit runs the work again; when attempts run out, the caller sees `refusal` (the
 * error in the user's words) when there is one, else this error.
 */
export class RetryableConflict extends Error {
  constructor(
    message: string,
    readonly refusal?: Error,
  ) {
    super(message);
  }

  static of(refusal: Error) {
    return new RetryableConflict(refusal.message, refusal);
  }
}

export type UnitOptions<T> = {
  idempotency?: IdempotencyKey | null;
  /** The status the answer is stored with (what the API answers a replay with). */
  status?: number;
  /** What is kept to answer retries: the answer without its secrets (a new API key is shown once). */
  storedAnswer?: (answer: T) => unknown;
  /** How long the transaction may run; long imports raise it. */
  timeoutMs?: number;
  attempts?: number;
};

/**
 * The work's answer, or the stored answer of an earlier request with the same key: what was stored, which is
 * the answer as it was serialized, minus what storedAnswer left out.
 */
export type UnitResult<T> = { replayed: false; value: T } | { replayed: true; stored: unknown };

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Waiting for a pooled connection longer than this is the database being busy (503), not our transaction's fault. */
const MAX_WAIT_MS = 10_000;

/**
 * Whether `db` is an open transaction. Prisma 7's transaction client has a `$transaction` of its own (nested
 * transactions), but no `$connect`: only the client proper connects.
 */
export function isTransaction(db: Db | DbTx): boolean {
  return typeof (db as Partial<Db>).$connect !== "function";
}

/** Runs `work` as one unit: see the module comment. */
export async function inUnitOfWork<T>(db: Db | DbTx, options: UnitOptions<T>, work: (tx: DbTx) => Promise<T>): Promise<UnitResult<T>> {
  if (isTransaction(db)) return inSavepoint(db as DbTx, () => runOnce(db as DbTx, options, work));
  const client = db as Db;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      let transaction: object | undefined;
      const result = await client.$transaction((tx) => runOnce((transaction = tx), options, work), {
        maxWait: MAX_WAIT_MS,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      if (transaction && hasQueuedEvents(transaction)) signalCommit(); // the relay has events to publish
      return result;
    } catch (error) {
      if (attempt < attempts && isRetryable(error)) continue;
      throw error instanceof RetryableConflict && error.refusal ? error.refusal : error;
    }
  }
}

/** inUnitOfWork for work without a key: its answer, whatever the unit did. */
export async function unitOfWork<T>(db: Db | DbTx, work: (tx: DbTx) => Promise<T>, options: Omit<UnitOptions<T>, "idempotency"> = {}): Promise<T> {
  const result = await inUnitOfWork(db, options, work);
  if (result.replayed) throw new Error("a unit of work without a key cannot be a replay");
  return result.value;
}

async function runOnce<T>(tx: DbTx, options: UnitOptions<T>, work: (tx: DbTx) => Promise<T>): Promise<UnitResult<T>> {
  const key = options.idempotency;
  if (key) {
    const stored = await claimKey(tx, key);
    if (stored) return { replayed: true, stored: stored.body };
  }
  const value = await work(tx);
  if (key) await settleKey(tx, key, storedAnswerOf(value, options));
  return { value, replayed: false };
}

function storedAnswerOf<T>(value: T, options: UnitOptions<T>): StoredAnswer {
  return { status: options.status ?? 200, body: options.storedAnswer ? options.storedAnswer(value) : value };
}

/**
 * For work that claims and settles the key itself, inside one SQL statement's transaction (the ledger's posting
 * function): the key is still checked before any rule runs, so a retry of a posted write is answered, not judged
 * again by rules the first posting may have changed the outcome of (stock it took is no longer there). A twin in
 * flight passes this check; the posting function then waits for it and answers its result. A refusal is checked
 * against the key once more, in case a twin settled it meanwhile.
 */
export async function checkKeyFirst<T>(db: Db | DbTx, key: IdempotencyKey | null | undefined, work: () => Promise<T>): Promise<UnitResult<T>> {
  if (!key) return { value: await work(), replayed: false };
  const stored = await findSettledKey(db, key);
  if (stored) return { replayed: true, stored: stored.body };
  try {
    return { value: await work(), replayed: false };
  } catch (error) {
    if (isTransaction(db)) throw error; // an aborted transaction can answer nothing more
    const settled = await findSettledKey(db, key);
    if (settled) return { replayed: true, stored: settled.body };
    throw error;
  }
}

let savepoints = 0;

/**
 * Runs `work` under a savepoint of the open transaction `tx`: a failure rolls back to it, so the transaction
 * stays usable for a caller that handles the failure. (Retrying is still left to the outermost unit.)
 */
export async function inSavepoint<T>(tx: DbTx, work: () => Promise<T>): Promise<T> {
  const name = `unit_${++savepoints}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
  return value;
}

/** Serialization failure, deadlock, or a conflict the work says is worth another attempt. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableConflict) return true;
  if ((error as { code?: string })?.code === "P2034") return true; // Prisma: write conflict or deadlock
  const code = databaseErrorOf(error)?.code;
  return code === "40001" || code === "40P01";
}
