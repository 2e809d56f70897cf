import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { findPickListView } from "./pick-list-view";
import type { PickListView } from "./schemas";

export async function getPickList(db: Db, actor: Actor, id: string): Promise<PickListView> {
  const found = await findPickListView(db, id);
  if (!found) throw new NotFound("Pick list", id);
  authorize(actor, "stock.view", { siteId: found.siteId });
  return found.view;
}
