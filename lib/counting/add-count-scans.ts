import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFound, ValidationFailed } from "../domain-error";
import { findCountView, lockCountSession } from "./count-view";
import { CountNotOpen } from "./errors";
import { recordScans } from "./record-scans";
import { parseCountScans, type CountScanInput, type CountView } from "./schemas";
import { isUuid } from "../db/is-uuid";

/**
 * Adds scans (camera, handheld, typed or RFID reads) to an open count and answers the count as it now stands.
 * All or none: one refused scan (422 on `scans.N.field`) keeps the others out too. Holds a share lock on the
 * session, so scanners work side by side while a submit or cancel waits for them (and they for it).
 */
export async function addCountScans(db: Db, actor: Actor, sessionId: string, scans: CountScanInput[]): Promise<CountView> {
  const parsed = parseCountScans(scans);
  if (parsed.length === 0) throw new ValidationFailed([{ field: "scans", message: "Send at least one scan" }]);
  if (!isUuid(sessionId)) throw new NotFound("Count", sessionId);
  return unitOfWork(db, async (tx) => {
    const session = await lockCountSession(tx, sessionId, "share");
    if (!session) throw new NotFound("Count", sessionId);
    authorize(actor, "stock.count", { siteId: session.siteId });
    if (session.status !== "open") throw new CountNotOpen(sessionId, session.status);
    const kept = await recordScans(tx, session, parsed);
    await recordAudit(tx, actor, {
      action: "count.scan",
      entityType: "countSession",
      entityId: sessionId,
      siteId: session.siteId,
      after: { scans: parsed.length, kept, sources: [...new Set(parsed.map((s) => s.source))] },
    });
    return (await findCountView(tx, sessionId))!.view;
  });
}
