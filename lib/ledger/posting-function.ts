/**
 * The typed door to stockroom_post_posting(), the SQL function (prisma/migrations/*_ledger_posting, rewritten by
 * *_posting_answer_in_one_pass) that performs a posting and builds its answer in one round trip. Maps its SQLSTATEs back to domain errors.
 */
import { actorColumns, type Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { databaseErrorOf } from "../db/errors";
import { queryPrepared, type PreparedStatement } from "../db/prepared";
import { IdempotencyKeyReused, type IdempotencyContext } from "../http/idempotency";
import type { PostedMovement } from "./schemas";

export type PostingLine = {
  kind: string;
  itemId: string;
  quantity: number;
  fromLocationId: string;
  toLocationId: string;
  lotId: string | null;
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

export type { IdempotencyContext } from "../http/idempotency";

export type Posting = {
  postingId: string;
  action: string;
  siteId: string;
  actor: Actor;
  idempotency: IdempotencyContext | null;
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
export class DeadlockDetected extends Error {}

const POST_POSTING: PreparedStatement = { name: "stockroom_post_posting", text: "SELECT stockroom_post_posting($1::jsonb) AS result" };

export async function runPosting(db: Db, posting: Posting): Promise<{ replayed: boolean; answer: PostingAnswer }> {
  try {
    const columns = actorColumns(posting.actor);
    const actor = { type: posting.actor.type, userId: columns.actorUserId, apiKeyId: columns.actorApiKeyId, label: columns.actorLabel };
    const [row] = await queryPrepared<{ result: { replayed: boolean; answer: PostingAnswer } }>(db, POST_POSTING, [JSON.stringify({ ...posting, actor })]);
    return row.result;
  } catch (error) {
    const cause = databaseErrorOf(error);
    if (cause?.code === "SR409" || cause?.code === "SR410" || cause?.code === "SR411") {
      throw new PostingLineFailure(cause.code, JSON.parse(cause.detail ?? "{}"));
    }
    if (cause?.code === "40P01") throw new DeadlockDetected("deadlock detected; the posting was rolled back");
    if (cause?.code === "SR422") throw new IdempotencyKeyReused();
    throw error;
  }
}
