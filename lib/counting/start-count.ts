import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ValidationFailed } from "../domain-error";
import { findCountView } from "./count-view";
import { CountAlreadyOpen } from "./errors";
import { countStartInput, type CountView } from "./schemas";

/**
 * Opens a count of a bin or of everything under a zone. One open count per location: the partial unique index
 * decides when two clerks start at once, and the loser is told which count is open.
 */
export async function startCount(db: Db, actor: Actor, input: { location: string }): Promise<CountView> {
  const data = countStartInput.parse(input);
  const location = await db.location.findUnique({
    where: { code: data.location },
    select: { id: true, code: true, siteId: true, isVirtual: true, active: true },
  });
  if (!location || location.isVirtual) throw new ValidationFailed([{ field: "location", message: `No bin or zone has the code ${data.location}` }]);
  authorize(actor, "stock.count", { siteId: location.siteId });
  if (!location.active) throw new ValidationFailed([{ field: "location", message: `${location.code} is archived` }]);
  try {
    return await unitOfWork(db, async (tx) => {
      const session = await tx.countSession.create({
        data: {
          siteId: location.siteId,
          locationId: location.id,
          startedById: actor.type === "user" ? actor.id : null,
          startedByLabel: actor.label,
        },
        select: { id: true },
      });
      const { view } = (await findCountView(tx, session.id))!;
      await recordAudit(tx, actor, {
        action: "count.start",
        entityType: "countSession",
        entityId: session.id,
        siteId: location.siteId,
        after: { location: location.code },
      });
      return view;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const open = await db.countSession.findFirst({ where: { locationId: location.id, status: "open" }, select: { id: true } });
    // The open count may have closed in between; then the caller may simply start again.
    throw new CountAlreadyOpen(location.code, open?.id ?? "(just closed)");
  }
}
