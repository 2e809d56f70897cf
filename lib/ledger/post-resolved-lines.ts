/**
 * Posts lines whose ends the caller has already resolved and checked, for use cases whose movements plan-lines
 * refuses on purpose: a transfer moves stock between sites (source bins → the source's in-transit location →
 * the destination's bins). The caller decides the business rules; this keeps the ledger's own: the lines go to
 * the posting function in the ledger's lock order (so they cannot deadlock with other postings), and a shortage
 * or a serial out of place comes back as the ledger's domain error naming the SKU and source location.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { InsufficientStock, SerialNotAtSource } from "./errors";
import { lockOrder } from "./post-movement";
import { inRequestOrder, PostingLineFailure, runPosting, type PostingAnswer, type PostingLine } from "./posting-function";

/** A posting line plus what an error message about it needs. */
export type ResolvedLine = PostingLine & { sku: string; sourceCode: string; lot: string | null };

export type ResolvedPosting = {
  /** Audit action of the posting (e.g. transfer.ship). */
  action: string;
  /** The site the posting's audit entry and `stock.moved` event belong to. */
  siteId: string;
  actor: Actor;
  lines: ResolvedLine[];
};

/**
 * One round trip to the posting function, without an idempotency record of its own: the caller runs it inside
 * its transaction and records the key there (as confirmPick does). Movements are answered in the order of
 * `lines`. Throws InsufficientStock / SerialNotAtSource (nothing posted); DeadlockDetected passes through, for
 * the caller to retry its transaction.
 */
export async function postResolvedLines(db: Db, posting: ResolvedPosting): Promise<PostingAnswer> {
  const order = lockOrder(posting.lines);
  const lines: PostingLine[] = order.map((position) => {
    const { sourceCode: _sourceCode, lot: _lot, ...line } = posting.lines[position];
    return line;
  });
  try {
    const { answer } = await runPosting(db, {
      postingId: randomUUID(),
      action: posting.action,
      siteId: posting.siteId,
      actor: posting.actor,
      idempotency: null,
      lines,
    });
    return { ...answer, movements: answer.movements.length === order.length ? inRequestOrder(answer.movements, order) : answer.movements };
  } catch (error) {
    if (!(error instanceof PostingLineFailure)) throw error;
    const line = posting.lines[order[error.detail.index]];
    if (error.sqlState === "SR410") throw new SerialNotAtSource({ sku: line.sku, location: line.sourceCode, serials: error.detail.serials ?? [] });
    throw new InsufficientStock({
      sku: line.sku,
      location: line.sourceCode,
      lot: line.lot,
      requested: error.detail.requested ?? line.quantity,
      available: error.detail.available ?? 0,
    });
  }
}
