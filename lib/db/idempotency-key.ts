/**
 * Idempotency keys: a caller names a write with a key (the API's `Idempotency-Key` header, a form's token, the
 * scan queue's key per queued write); a repeat of the same write with the same key gets the first answer back
 * instead of acting twice. Keys are per caller; the hash covers what the write is (method, path and body), so
 * the same key sent with a different write is refused rather than answered with another write's result.
 *
 * The record is claimed and settled inside the transaction of the effect (lib/db/unit-of-work.ts, and the
 * ledger's posting function, which does the same in SQL): it exists, settled, exactly when the effect does.
 * A refused write rolls its claim back with everything else, so a retry with the same key is judged again.
 */
import { createHash } from "node:crypto";
import type { Actor } from "../auth/actor";
import { Conflict, ValidationFailed } from "../domain-error";
import type { DbTx } from "./client";

export const MAX_KEY_LENGTH = 255;
/** How long a settled key answers retries; older records are purged (lib/system/background-jobs.ts). */
export const IDEMPOTENCY_TTL_DAYS = Number(process.env.STOCKROOM_IDEMPOTENCY_TTL_DAYS ?? 7);

/** A write's key, checked, with what identifies the write it names. */
export type IdempotencyKey = { actorKey: string; key: string; hash: string; method: string; path: string };

/** What a settled key answers a retry with. */
export type StoredAnswer = { status: number; body: unknown };

/** The same key sent with a different request: refused (422) rather than replayed. */
export class IdempotencyKeyReused extends ValidationFailed {
  constructor() {
    super([{ field: "Idempotency-Key", message: "This key was already used for a different request; use a new key" }]);
  }
}

/** A record left unsettled by the way writes were made before the unit of work: answered like a twin in flight. */
export class IdempotencyKeyInUse extends Conflict {
  readonly code = "idempotency_key_in_use";
  constructor() {
    super("A request with this Idempotency-Key is still being processed; retry in a moment");
  }
}

/** The key of one write by `actor`. `what` names the write: the API's method and path, or a form's action. */
export function idempotencyKeyOf(actor: Actor, request: { key: string; method: string; path: string; body: string | Uint8Array }): IdempotencyKey {
  if (request.key.length === 0 || request.key.length > MAX_KEY_LENGTH || /[\u0000-\u001f]/.test(request.key)) {
    throw new ValidationFailed([{ field: "Idempotency-Key", message: `Use 1 to ${MAX_KEY_LENGTH} printable characters` }]);
  }
  const hash = createHash("sha256").update(`${request.method} ${request.path}\n`).update(request.body).digest("hex");
  return { actorKey: `${actor.type}:${actor.id}`, key: request.key, hash, method: request.method, path: request.path };
}

const PENDING = 0;

type ExistingRecord = { requestHash: string; status: number; responseBody: unknown };

/**
 * Claims the key in `tx`, or finds what it already answers. A twin still in flight holds the record's row lock:
 * the claim waits for its transaction, then sees its answer (or claims the key itself, if the twin was refused).
 * A record older than the TTL no longer counts: the claim takes it over.
 */
export async function claimKey(tx: DbTx, key: IdempotencyKey): Promise<StoredAnswer | null> {
  const claimed = await tx.$queryRaw<{ claimed: boolean }[]>`
    INSERT INTO "IdempotencyRecord" ("actorKey", key, method, path, "requestHash", status, "createdAt")
    VALUES (${key.actorKey}, ${key.key}, ${key.method}, ${key.path}, ${key.hash}, ${PENDING}::int, now())
    ON CONFLICT ("actorKey", key) DO UPDATE
      SET method = EXCLUDED.method, path = EXCLUDED.path, "requestHash" = EXCLUDED."requestHash", status = ${PENDING}::int,
          "responseBody" = NULL, "createdAt" = now()
      WHERE "IdempotencyRecord"."createdAt" < now() - make_interval(days => ${IDEMPOTENCY_TTL_DAYS}::int)
    RETURNING true AS claimed`;
  if (claimed.length === 1) return null;
  const [existing] = await tx.$queryRaw<ExistingRecord[]>`
    SELECT "requestHash", status, "responseBody" FROM "IdempotencyRecord" WHERE "actorKey" = ${key.actorKey} AND key = ${key.key}`;
  return answerOf(key, existing);
}

/** What a settled key answers, read without claiming it (for the ledger, which claims inside its posting). */
export async function findSettledKey(db: DbTx, key: IdempotencyKey): Promise<StoredAnswer | null> {
  const [existing] = await db.$queryRaw<ExistingRecord[]>`
    SELECT "requestHash", status, "responseBody" FROM "IdempotencyRecord"
    WHERE "actorKey" = ${key.actorKey} AND key = ${key.key} AND status <> ${PENDING}::int
      AND "createdAt" >= now() - make_interval(days => ${IDEMPOTENCY_TTL_DAYS}::int)`;
  return existing ? answerOf(key, existing) : null;
}

function answerOf(key: IdempotencyKey, existing: ExistingRecord | undefined): StoredAnswer | null {
  if (!existing) return null;
  if (existing.requestHash !== key.hash) throw new IdempotencyKeyReused();
  if (existing.status === PENDING) throw new IdempotencyKeyInUse();
  return { status: existing.status, body: existing.responseBody };
}

/** Settles a claimed key with the answer to replay, in the transaction that made the effect. */
export async function settleKey(tx: DbTx, key: IdempotencyKey, answer: StoredAnswer): Promise<void> {
  const body = JSON.stringify(answer.body ?? null);
  await tx.$executeRaw`
    UPDATE "IdempotencyRecord" SET status = ${answer.status}::int, "responseBody" = ${body}::jsonb
    WHERE "actorKey" = ${key.actorKey} AND key = ${key.key}`;
}

/** Deletes records past the TTL, a batch at a time; answers how many went. */
export async function purgeExpiredKeys(db: DbTx, batch = 10_000): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "IdempotencyRecord" WHERE ("actorKey", key) IN (
      SELECT "actorKey", key FROM "IdempotencyRecord"
      WHERE "createdAt" < now() - make_interval(days => ${IDEMPOTENCY_TTL_DAYS}::int) LIMIT ${batch}::int)`;
}
