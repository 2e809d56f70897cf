import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { ANY_ANTENNA, readerInput, type ReaderInput, type ReaderView } from "./schemas";

/**
 * Places a reader (or one of its antennas) at a location; registering it again moves it. Needs locations.manage
 * at the location's site and, when the reader moves between sites, at the site it leaves too: otherwise a manager
 * of one site could take over another site's dock door. The location must be able to hold stock, since reads
 * there move units to it.
 */
export async function registerReader(db: Db, actor: Actor, input: ReaderInput): Promise<ReaderView> {
  const data = readerInput.parse(input);
  const antenna = data.antenna ?? ANY_ANTENNA;
  const location = await db.location.findUnique({
    where: { code: data.location },
    select: { id: true, code: true, siteId: true, type: true, isVirtual: true, active: true },
  });
  if (!location) throw new ValidationFailed([{ field: "location", message: `No location has the code ${data.location}` }]);
  authorize(actor, "locations.manage", { siteId: location.siteId });
  if (location.isVirtual || location.type === "site") {
    throw new ValidationFailed([
      { field: "location", message: `${location.code} cannot hold stock: place the reader at a zone, aisle, rack, shelf or bin` },
    ]);
  }
  if (!location.active) throw new ValidationFailed([{ field: "location", message: `${location.code} is archived` }]);

  return unitOfWork(db, async (tx) => {
    const key = { readerId_antenna: { readerId: data.id, antenna } };
    const previous = await tx.rfidReader.findUnique({ where: key, select: { location: { select: { code: true, siteId: true } } } });
    if (previous) authorize(actor, "locations.manage", { siteId: previous.location.siteId });
    await tx.rfidReader.upsert({ where: key, create: { readerId: data.id, antenna, locationId: location.id }, update: { locationId: location.id } });
    await recordAudit(tx, actor, {
      action: "rfid.reader.register",
      entityType: "rfidReader",
      entityId: `${data.id}#${antenna}`,
      siteId: location.siteId,
      before: previous ? { location: previous.location.code } : null,
      after: { location: location.code },
    });
    return { id: data.id, antenna, location: location.code };
  });
}
