import type { DbTx } from "../db/client";
import type { LocationType } from "../db/generated/client";

/** A location as a posting line needs it: its id, its code for messages, and what kind of end it is. */
export type Place = { id: string; code: string; type: LocationType; isVirtual: boolean };

/**
 * The virtual locations a transfer posts through: stock in transit stays on the source site's books (its
 * TRANSIT location) until it arrives; what never arrives is the source's loss; what arrives damaged is the
 * destination's damage; units found beyond what was shipped come from the destination's loss location.
 */
export async function transferLocations(tx: DbTx, transfer: { fromSiteId: string; toSiteId: string }) {
  const rows = await tx.location.findMany({
    where: {
      isVirtual: true,
      OR: [
        { siteId: transfer.fromSiteId, type: { in: ["transit", "loss"] } },
        { siteId: transfer.toSiteId, type: { in: ["damage", "loss"] } },
      ],
    },
    select: { id: true, code: true, type: true, isVirtual: true, siteId: true },
  });
  const find = (siteId: string, type: LocationType): Place => {
    const place = rows.find((row) => row.siteId === siteId && row.type === type);
    if (!place) throw new Error(`site ${siteId} has no ${type} location`);
    return place;
  };
  return {
    sourceTransit: find(transfer.fromSiteId, "transit"),
    sourceLoss: find(transfer.fromSiteId, "loss"),
    destinationDamage: find(transfer.toSiteId, "damage"),
    destinationLoss: find(transfer.toSiteId, "loss"),
  };
}
