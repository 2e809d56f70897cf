import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { TransferNotAllowedNow } from "./errors";
import { runTransferStep } from "./run-transfer-step";
import type { TransferView } from "./schemas";

/** Cancels a transfer that has not shipped (draft or approved); nothing was posted, so nothing is undone. */
export async function cancelTransfer(
  db: Db,
  actor: Actor,
  transferId: string,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<TransferView> {
  return runTransferStep(db, actor, transferId, options, async (_tx, transfer) => {
    authorize(actor, "stock.move", { siteId: transfer.fromSiteId });
    if (transfer.status !== "draft" && transfer.status !== "approved") {
      throw new TransferNotAllowedNow({ transferId, status: transfer.status, step: "cancelled" });
    }
    return { status: "cancelled", steps: [{ step: "cancelled", postingId: null, siteId: transfer.fromSiteId }] };
  });
}
