import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { Forbidden } from "../domain-error";
import { TransferNotAllowedNow } from "./errors";
import { runTransferStep } from "./run-transfer-step";
import type { TransferView } from "./schemas";

/**
 * A manager (stock.approve at the source site) approves a draft. Needed before shipping only when the
 * transfer's value is above the approval limit (approval-limit.ts); approving a cheaper draft is allowed and
 * recorded all the same. Approval is a second pair of eyes: whoever drafted the transfer (the same user or API
 * key, admins included) may not approve it (403).
 */
export async function approveTransfer(
  db: Db,
  actor: Actor,
  transferId: string,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<TransferView> {
  return runTransferStep(db, actor, transferId, options, async (tx, transfer) => {
    authorize(actor, "stock.approve", { siteId: transfer.fromSiteId });
    if (await isDraftedBy(tx, transfer.id, actor))
      throw new Forbidden("stock.approve", undefined, "You drafted this transfer: someone else must approve it");
    if (transfer.status !== "draft") throw new TransferNotAllowedNow({ transferId, status: transfer.status, step: "approved" });
    return { status: "approved", steps: [{ step: "approved", postingId: null, siteId: transfer.fromSiteId }] };
  });
}

/** Whether the actor drafted the transfer: a person by user id, a service by API key id. The system drafts for no one. */
async function isDraftedBy(tx: DbTx, transferId: string, actor: Actor): Promise<boolean> {
  if (actor.type === "system") return false;
  const drafted = await tx.transferOrder.findUniqueOrThrow({ where: { id: transferId }, select: { createdById: true, createdByKeyId: true } });
  return (actor.type === "user" ? drafted.createdById : drafted.createdByKeyId) === actor.id;
}
