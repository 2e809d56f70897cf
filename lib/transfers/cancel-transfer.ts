import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { TransferNotAllowedNow } from "./errors";
import { runTransferStep } from "./run-transfer-step";
import { endTransferLineHold } from "./transfer-holds";
import type { TransferView } from "./schemas";

/**
 * Cancels a transfer that has not shipped (draft or approved): nothing was posted, so nothing is undone, and
 * the units its lines held go back to being available (transfer-holds.ts).
 */
export async function cancelTransfer(
  db: Db,
  actor: Actor,
  transferId: string,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<TransferView> {
  return runTransferStep(db, actor, transferId, options, async (tx, transfer) => {
    authorize(actor, "stock.move", { siteId: transfer.fromSiteId });
    if (transfer.status !== "draft" && transfer.status !== "approved") {
      throw new TransferNotAllowedNow({ transferId, status: transfer.status, step: "cancelled" });
    }
    const lines = await tx.transferLine.findMany({ where: { transferId }, select: { id: true, itemId: true } });
    for (const line of lines) await endTransferLineHold(tx, line.itemId, line.id, "released");
    return { status: "cancelled", steps: [{ step: "cancelled", postingId: null, siteId: transfer.fromSiteId }] };
  });
}
