import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { findCountView } from "./count-view";
import type { CountView } from "./schemas";

export async function getCount(db: Db, actor: Actor, id: string): Promise<CountView> {
  const found = await findCountView(db, id);
  if (!found) throw new NotFound("Count", id);
  authorize(actor, "stock.view", { siteId: found.siteId });
  return found.view;
}
