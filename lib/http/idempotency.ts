/**
 * Idempotency-Key for API writes. The first request with a key claims it (a row inserted before acting, so a
 * concurrent twin sees the claim); its answer is stored; a retry with the same key and the same body gets that
 * answer back without acting again; the same key with a different body is refused with 422.
 * Keys are per caller, and kept for IDEMPOTENCY_TTL_HOURS.
 */
import { createHash } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { Conflict, ValidationFailed } from "../domain-error";

export class IdempotencyKeyInUse extends Conflict {
  readonly code = "idempotency_key_in_use";
  constructor() {
    super("A request with this Idempotency-Key is still being processed; retry in a moment");
  }
}

const MAX_KEY_LENGTH = 255;
const PENDING = 0;

/** A write's Idempotency-Key, for a domain function that records it in its own transaction. */
export type IdempotencyContext = { actorKey: string; key: string; hash: string; method: string; path: string };

export type StoredAnswer = { status: number; body: unknown };

type Claim = { kind: "claimed" } | { kind: "replay"; answer: StoredAnswer };

/** The same key sent with a different request: refused rather than replayed. */
export class IdempotencyKeyReused extends ValidationFailed {
  constructor() {
    super([{ field: "Idempotency-Key", message: "This key was already used for a different request; use a new key" }]);
  }
}

/** A request's key, checked, with what identifies it: keys are per caller, the hash covers method, path and body. */
export function idempotencyContext(actor: Actor, request: { key: string; method: string; path: string; rawBody: string }): IdempotencyContext {
  if (request.key.length === 0 || request.key.length > MAX_KEY_LENGTH) {
    throw new ValidationFailed([{ field: "Idempotency-Key", message: `Use 1 to ${MAX_KEY_LENGTH} characters` }]);
  }
  const hash = createHash("sha256").update(`${request.method} ${request.path}\n${request.rawBody}`).digest("hex");
  return { actorKey: `${actor.type}:${actor.id}`, key: request.key, hash, method: request.method, path: request.path };
}

export async function claimIdempotencyKey(db: Db, request: IdempotencyContext): Promise<Claim> {
  const id = { actorKey: request.actorKey, key: request.key };
  const inserted = await db.idempotencyRecord.createMany({
    data: [{ ...id, method: request.method, path: request.path, requestHash: request.hash, status: PENDING }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return { kind: "claimed" };
  const existing = await db.idempotencyRecord.findUnique({ where: { actorKey_key: id } });
  if (!existing) return claimIdempotencyKey(db, request); // released between our insert and read
  if (existing.requestHash !== request.hash) throw new IdempotencyKeyReused();
  if (existing.status === PENDING) throw new IdempotencyKeyInUse();
  return { kind: "replay", answer: { status: existing.status, body: existing.responseBody } };
}

/** Stores the answer to replay. Server errors release the key instead, so a retry can try again. */
export async function settleIdempotencyKey(db: Db, request: IdempotencyContext, answer: StoredAnswer) {
  const id = { actorKey: request.actorKey, key: request.key };
  if (answer.status >= 500) {
    await db.idempotencyRecord.deleteMany({ where: id });
    return;
  }
  await db.idempotencyRecord.update({
    where: { actorKey_key: id },
    data: { status: answer.status, responseBody: (answer.body ?? null) as Prisma.InputJsonValue },
  });
}
