import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { TransferNotAllowedNow } from "./errors";
import { runTransferStep } from "./run-transfer-step";
import type { TransferView } from "./schemas";

/**
 * A manager (stock.approve at the source site) approves a draft. Needed before shipping only when the
 * transfer's value is above the approval limit (approval-limit.ts); approving a cheaper draft is allowed and
 * recorded all the same.
 */
export async function approveTransfer(db: Db, actor: Actor, transferId: string, options: { idempotency?: IdempotencyKey | null } = {}): Promise<TransferView> {
  return runTransferStep(db, actor, transferId, options, async (_tx, transfer) => {
    authorize(actor, "stock.approve", { siteId: transfer.fromSiteId });
    if (transfer.status !== "draft") throw new TransferNotAllowedNow({ transferId, status: transfer.status, step: "approved" });
    return { status: "approved", steps: [{ step: "approved", postingId: null, siteId: transfer.fromSiteId }] };
  });
}
