import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import type { Db } from "../db/client";
import { Forbidden, NotFound } from "../domain-error";
import type { TransferView } from "./schemas";
import { findTransferView } from "./transfer-view";

/** A transfer with its lines, discrepancies and steps (each with the movements it posted); stock.view at either site. */
export async function getTransfer(db: Db, actor: Actor, id: string): Promise<TransferView> {
  const found = await findTransferView(db, id);
  if (!found) throw new NotFound("Transfer", id);
  if (!can(actor, "stock.view", { siteId: found.fromSiteId }) && !can(actor, "stock.view", { siteId: found.toSiteId })) {
    throw new Forbidden("stock.view", found.fromSiteId);
  }
  return found.view;
}
