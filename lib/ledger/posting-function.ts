/**
 * The typed door to stockroom_post_posting(), the SQL function (prisma/migrations/*_ledger_posting, rewritten by
 * *_posting_answer_in_one_pass and *_posting_lines_together) that performs a posting and builds its answer in one
 * round trip; concurrent postings share one (*_posting_groups). Maps its SQLSTATEs back to domain errors.
 */
import { markEventsQueued, signalCommit } from "../db/commit-signal";
import pg from "pg";
import { actorColumns, type Actor } from "../auth/actor";
import { poolOf, type Db } from "../db/client";
import { databaseErrorOf } from "../db/errors";
import { groupedCallsPerPool } from "../db/grouped-calls";
import { queryPrepared, type PreparedStatement } from "../db/prepared";
import { IDEMPOTENCY_TTL_DAYS, IdempotencyKeyReused, type IdempotencyKey } from "../db/idempotency-key";
import { isTransaction, RetryableConflict } from "../db/unit-of-work";
import { ValidationFailed } from "../domain-error";
import type { PostedMovement } from "./schemas";

export type PostingLine = {
  kind: string;
  itemId: string;
  quantity: number;
  fromLocationId: string;
  toLocationId: string;
  lotId: string | null;
  /** A lot the posting creates (a receipt into a new lot): set with lotId null. */
  newLot?: { number: string; expiresOn: string | null; manufacturedOn: string | null };
  serials?: string[];
  unitCost?: string | null;
  currency?: string | null;
  reasonCode: string;
  note?: string | null;
  reference?: string | null;
  reversesId?: string | null;
  expectOnHand?: number;
  countedLocationId?: string;
  /** What the ends are, so the function need not look them up (see locationFlags). */
  fromKeepsLevels?: boolean;
  toKeepsLevels?: boolean;
  toIsVirtual?: boolean;
  /** What the answer shows, when the caller has it at hand; the function looks up whatever is left out. */
  sku?: string;
  fromCode?: string;
  toCode?: string;
};

/** Locations whose balance is a ledger sum rather than a kept level (matches stockroom_keeps_levels in SQL). */
const UNKEPT = new Set(["supplier", "customer", "loss", "scrap", "damage", "adjustment"]);

export function locationFlags(from: { type: string }, to: { type: string; isVirtual: boolean }) {
  return { fromKeepsLevels: !UNKEPT.has(from.type), toKeepsLevels: !UNKEPT.has(to.type), toIsVirtual: to.isVirtual };
}

export type Posting = {
  postingId: string;
  action: string;
  siteId: string;
  actor: Actor;
  idempotency: IdempotencyKey | null;
  /** When it happened, if earlier than now: an ISO timestamp the function checks against closed months. */
  occurredAt?: string | null;
  lines: PostingLine[];
};

export type PostingAnswer = Omit<PostedMovement, "movement" | "replayed">;

/** A failure the function reported about one line: which, and what it found. */
export class PostingLineFailure extends Error {
  constructor(
    readonly sqlState: "SR409" | "SR410" | "SR411",
    readonly detail: { index: number; available?: number; requested?: number; serials?: string[]; expected?: number; actual?: number },
  ) {
    super(`posting line ${detail.index} failed with ${sqlState}`);
  }
}

/** PostgreSQL broke a lock cycle by aborting this posting; nothing was written, so it may simply be retried. */
export class DeadlockDetected extends RetryableConflict {}

type PostingResult = { replayed: boolean; answer: PostingAnswer };

const POST_POSTING: PreparedStatement = { name: "stockroom_post_posting", text: "SELECT stockroom_post_posting($1::jsonb) AS result" };
const POST_POSTINGS: PreparedStatement = { name: "stockroom_post_postings", text: "SELECT stockroom_post_postings($1::jsonb) AS results" };

/**
 * Small postings of concurrent requests go to the database together (lib/db/grouped-calls.ts), each in its
 * own subtransaction of the group's (stockroom_post_postings); fewer than 64 in a group (see that function).
 * A large posting goes alone: it pays for its round trip already, and it would hold a group's other postings
 * for as long as it takes.
 */
const GROUPED_UP_TO_LINES = 8;

/** A posting as sent in a group: its JSON, and the key of the first stock level it locks. */
type GroupedPosting = { json: string; firstLock: string };

const postingGroups = groupedCallsPerPool<GroupedPosting, PostingResult>(
  async (pool, postings) => {
    if (postings.length === 1) {
      const { rows } = await pool.query({ ...POST_POSTING, values: [postings[0].json] });
      return [rows[0].result];
    }
    // A group holds every level its postings lock until it commits. Sent in the order of the levels they lock
    // first, groups take shared levels in the same order and seldom wait for one another in a cycle (which
    // PostgreSQL would break only after deadlock_timeout, a second).
    const order = positionsInOrderOf(postings.map((posting) => posting.firstLock));
    const { rows } = await pool.query({ ...POST_POSTINGS, values: [`[${order.map((index) => postings[index].json).join(",")}]`] });
    const results = (rows[0].results as GroupedPostingResult[]).map((posted) => ("error" in posted ? asDatabaseError(posted.error) : posted.result));
    return inRequestOrder(results, order);
  },
  { inFlight: 2, maxGroup: 32 },
);

/** The first level a posting locks: its first line's (it comes in lock order), at that line's lower location id. */
function firstLockOf(posting: Posting): string {
  const line = posting.lines[0];
  if (!line) return "";
  return `${line.itemId}|${line.fromLocationId < line.toLocationId ? line.fromLocationId : line.toLocationId}|${lotKeyOf(line)}`;
}

/** A line's lot in lock-order keys: its id, or a new lot's number (created in the posting, so no id yet). */
export function lotKeyOf(line: PostingLine): string {
  return line.lotId ?? (line.newLot ? `new:${line.newLot.number}` : "");
}

/** The positions of `keys` in ascending key order, equal keys in their original order. */
export function positionsInOrderOf(keys: string[]): number[] {
  return keys.map((_, position) => position).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
}

/** sent[i] belongs at position order[i] (a posting's movements, a group's results): put each back in its place. */
export function inRequestOrder<T>(sent: T[], order: number[]): T[] {
  const byPosition: T[] = new Array(sent.length);
  order.forEach((position, index) => (byPosition[position] = sent[index]));
  return byPosition;
}

function occurredAtRefused(detail: { closedThrough?: string }) {
  const message = detail.closedThrough
    ? `The books are closed through ${detail.closedThrough}: post it on a later day`
    : "It cannot have happened in the future";
  return new ValidationFailed([{ field: "occurredAt", message }]);
}

type GroupedPostingResult = { result: PostingResult } | { error: { code: string; message: string; detail: string | null } };

/** A posting's error from within a group, as pg would have raised it had the posting been sent alone. */
function asDatabaseError(error: { code: string; message: string; detail: string | null }): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError(error.message, 0, "error"), { severity: "ERROR", code: error.code, detail: error.detail ?? undefined });
}

export async function runPosting(db: Db, posting: Posting): Promise<PostingResult> {
  try {
    const columns = actorColumns(posting.actor);
    const actor = { type: posting.actor.type, userId: columns.actorUserId, apiKeyId: columns.actorApiKeyId, label: columns.actorLabel };
    const idempotency = posting.idempotency && { ...posting.idempotency, ttlDays: IDEMPOTENCY_TTL_DAYS };
    const newLots = posting.lines.some((line) => line.newLot) ? { newLots: true } : {};
    const json = JSON.stringify({ ...posting, actor, idempotency, ...newLots });
    const pool = poolOf(db);
    if (pool && posting.lines.length < GROUPED_UP_TO_LINES) {
      try {
        return await postingGroups(pool).call({ json, firstLock: firstLockOf(posting) });
      } catch (error) {
        // A lock cycle through its group's other postings: this one alone was rolled back. Sent by itself, it
        // waits for no posting of its own, so no caller sees a deadlock that only grouping made.
        if (databaseErrorOf(error)?.code !== "40P01") throw error;
      }
    }
    const [row] = await queryPrepared<{ result: PostingResult }>(db, POST_POSTING, [json]);
    // The posting wrote its event: announced when its transaction commits (now, or the caller's unit of work's).
    if (isTransaction(db)) markEventsQueued(db);
    else signalCommit();
    return row.result;
  } catch (error) {
    const cause = databaseErrorOf(error);
    if (cause?.code === "SR409" || cause?.code === "SR410" || cause?.code === "SR411") {
      throw new PostingLineFailure(cause.code, JSON.parse(cause.detail ?? "{}"));
    }
    if (cause?.code === "40P01") throw new DeadlockDetected("deadlock detected; the posting was rolled back");
    if (cause?.code === "SR422") throw new IdempotencyKeyReused();
    if (cause?.code === "SR423") throw occurredAtRefused(JSON.parse(cause.detail ?? "{}"));
    throw error;
  }
}
