import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { findCountView, lockCountSession } from "./count-view";
import { CountNotOpen } from "./errors";
import type { CountView } from "./schemas";
import { isUuid } from "../db/is-uuid";

/** Abandons an open count: nothing is posted, its scans are kept for the record, the location may be counted again. */
export async function cancelCount(db: Db, actor: Actor, sessionId: string): Promise<CountView> {
  if (!isUuid(sessionId)) throw new NotFound("Count", sessionId);
  return unitOfWork(db, async (tx) => {
    const session = await lockCountSession(tx, sessionId, "update");
    if (!session) throw new NotFound("Count", sessionId);
    authorize(actor, "stock.count", { siteId: session.siteId });
    if (session.status !== "open") throw new CountNotOpen(sessionId, session.status);
    await tx.countSession.update({ where: { id: sessionId }, data: { status: "cancelled", closedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "count.cancel",
      entityType: "countSession",
      entityId: sessionId,
      siteId: session.siteId,
      before: { status: "open" },
      after: { status: "cancelled" },
    });
    return (await findCountView(tx, sessionId))!.view;
  });
}
